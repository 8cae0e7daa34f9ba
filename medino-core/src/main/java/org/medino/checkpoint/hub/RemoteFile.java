package org.medino.checkpoint.hub;

import java.net.URI;

/**
 * What a HEAD on the resolve endpoint tells about one file.
 *
 * @param commit the commit the revision resolved to (X-Repo-Commit)
 * @param etag the content's id and blob name: sha256 for LFS files, git blob sha1 for the others
 * @param size the content's size in bytes
 * @param location where to GET it: the resolve URL, or the CDN URL an LFS file redirects to
 */
record RemoteFile(String commit, String etag, long size, URI location) {
}

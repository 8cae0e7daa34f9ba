package org.medino.cli;

/** Settings that must be in place before DJL starts. */
final class Engine {
    private Engine() {}

    static void configure() {
        // libtorch comes from the native jar on the class path; never download anything.
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("ai.djl.default_engine", "PyTorch");
        // DJL reports engine start-up at INFO; keep the terminal for medino's own output.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        // On a machine without a GPU, DJL's CUDA probe warns at every start; that is not news.
        System.setProperty("org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils", "error");
    }
}

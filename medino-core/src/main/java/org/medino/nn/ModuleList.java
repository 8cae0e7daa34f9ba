package org.medino.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;

/** Children named "0", "1", ..., as torch.nn.ModuleList, so state-dict names match. */
public final class ModuleList<M extends Module> extends Module {
    private final List<M> items = new ArrayList<>();

    /** {@code count} children made by {@code factory} in index order. */
    public ModuleList(ModuleContext context, int count, IntFunction<M> factory) {
        super(context);
        for (int i = 0; i < count; i++) {
            items.add(addChild(Integer.toString(i), factory.apply(i)));
        }
    }

    public M get(int index) {
        return items.get(index);
    }

    public int size() {
        return items.size();
    }

    public List<M> items() {
        return Collections.unmodifiableList(items);
    }
}

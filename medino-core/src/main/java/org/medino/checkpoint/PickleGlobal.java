package org.medino.checkpoint;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The callables a weights file may name with GLOBAL and call with REDUCE or NEWOBJ: the same short
 * list {@code torch.load(weights_only=True)} trusts. Each builds a plain Java value.
 */
enum PickleGlobal {
    /** OrderedDict pickles as a call with no arguments followed by SETITEMS. */
    ORDERED_DICT("collections.OrderedDict") {
        @Override
        Object call(List<Object> args) {
            expectArgs(args, 0, 0);
            return new LinkedHashMap<>();
        }
    },
    REBUILD_TENSOR_V2("torch._utils._rebuild_tensor_v2") {
        @Override
        Object call(List<Object> args) {
            // (storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata]);
            // the last three only matter for training.
            expectArgs(args, 6, 7);
            if (!(args.get(0) instanceof TorchStorage storage)) {
                throw PickleError.corrupt(name + " needs a storage, got " + PyValues.describe(args.get(0)));
            }
            return TensorView.gather(storage, longArg(args.get(1), "storage offset"),
                    longs(args.get(2), "size"), longs(args.get(3), "stride"));
        }
    },
    REBUILD_PARAMETER("torch._utils._rebuild_parameter") {
        @Override
        Object call(List<Object> args) {
            expectArgs(args, 3, 3); // (data, requires_grad, backward_hooks)
            return tensorArg(args.get(0));
        }
    },
    REBUILD_PARAMETER_WITH_STATE("torch._utils._rebuild_parameter_with_state") {
        @Override
        Object call(List<Object> args) {
            expectArgs(args, 4, 4); // (data, requires_grad, backward_hooks, python attributes)
            return tensorArg(args.get(0));
        }
    },
    TORCH_SIZE("torch.Size") {
        @Override
        Object call(List<Object> args) {
            expectArgs(args, 0, 1);
            return args.isEmpty() ? List.of() : Collections.unmodifiableList(copyOf(args.get(0)));
        }
    },
    SET("builtins.set") {
        @Override
        Object call(List<Object> args) {
            expectArgs(args, 0, 1);
            return args.isEmpty() ? new LinkedHashSet<>() : elements(args.get(0));
        }
    },
    FROZENSET("builtins.frozenset") {
        @Override
        Object call(List<Object> args) {
            expectArgs(args, 0, 1);
            return Collections.unmodifiableSet(args.isEmpty() ? new LinkedHashSet<>() : elements(args.get(0)));
        }
    },
    /** Protocol 2 has no bytes opcode: non-empty bytes are pickled as encode(latin-1 text). */
    CODECS_ENCODE("_codecs.encode") {
        @Override
        Object call(List<Object> args) {
            expectArgs(args, 2, 2);
            if (!(args.get(0) instanceof String text) || !(args.get(1) instanceof String encoding)) {
                throw PickleError.corrupt(name + " needs two strings");
            }
            if (!encoding.equals("latin1") && !encoding.equals("latin-1")) {
                throw PickleError.refused(name + " with encoding '" + PickleError.printable(encoding)
                        + "' (only latin1, the way pickle stores bytes)");
            }
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) > 0xff) {
                    throw PickleError.corrupt(name + " of text that is not latin-1");
                }
            }
            return text.getBytes(StandardCharsets.ISO_8859_1);
        }
    },
    /** Protocol 2 pickles empty bytes as a call to bytes(). */
    BYTES("builtins.bytes") {
        @Override
        Object call(List<Object> args) {
            expectArgs(args, 0, 0);
            return new byte[0];
        }
    };

    /** The name as Python 3 spells it, for messages. */
    final String name;

    PickleGlobal(String name) {
        this.name = name;
    }

    /** Runs the callable on the arguments REDUCE or NEWOBJ found. */
    abstract Object call(List<Object> args);

    private static final Map<String, Object> ALLOWED = allowed();

    /**
     * What GLOBAL {@code module name} stands for: a {@link PickleGlobal}, a {@link StorageType} or
     * a {@link DType}. Anything else is refused here, before the pickle gets a chance to call it.
     */
    static Object resolve(String module, String name) {
        Object found = ALLOWED.get(module + "." + name);
        if (found == null && module.equals("torch") && name.endsWith("Storage")) {
            // complex, quantized, ...: legitimate in PyTorch, but not element types medino handles
            throw PickleError.unsupported("tensors of type torch." + PickleError.printable(name));
        }
        if (found == null) {
            throw PickleError.refused("global '" + PickleError.printable(module + "." + name)
                    + "' is not allowed in a weights file (only tensors, dicts, lists and numbers are,"
                    + " as with torch.load(weights_only=True))");
        }
        return found;
    }

    /** The class of a typed storage (torch.FloatStorage, ...) as named in storage references. */
    record StorageType(String name, DType dtype) {}

    private static Map<String, Object> allowed() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (PickleGlobal g : values()) {
            map.put(g.name, g);
        }
        // Pickles written by Python 2, or by Python 3 at protocol 2, say __builtin__.
        map.put("__builtin__.set", SET);
        map.put("__builtin__.frozenset", FROZENSET);
        map.put("__builtin__.bytes", BYTES);
        storage(map, "Float", DType.F32);
        storage(map, "Half", DType.F16);
        storage(map, "BFloat16", DType.BF16);
        storage(map, "Double", DType.F64);
        storage(map, "Long", DType.I64);
        storage(map, "Int", DType.I32);
        storage(map, "Short", DType.I16);
        storage(map, "Char", DType.I8);
        storage(map, "Byte", DType.U8);
        storage(map, "Bool", DType.BOOL);
        // A torch.dtype pickles as the global torch.<name>; it stands for itself.
        dtype(map, DType.F32, "float32", "float");
        dtype(map, DType.F16, "float16", "half");
        dtype(map, DType.BF16, "bfloat16");
        dtype(map, DType.F64, "float64", "double");
        dtype(map, DType.I64, "int64", "long");
        dtype(map, DType.I32, "int32", "int");
        dtype(map, DType.I16, "int16", "short");
        dtype(map, DType.I8, "int8");
        dtype(map, DType.U8, "uint8");
        dtype(map, DType.BOOL, "bool");
        return Map.copyOf(map);
    }

    private static void storage(Map<String, Object> map, String prefix, DType dtype) {
        String name = "torch." + prefix + "Storage";
        map.put(name, new StorageType(name, dtype));
    }

    private static void dtype(Map<String, Object> map, DType dtype, String... names) {
        for (String n : names) {
            map.put("torch." + n, dtype);
        }
    }

    void expectArgs(List<Object> args, int min, int max) {
        if (args.size() < min || args.size() > max) {
            String wanted = min == max ? String.valueOf(min) : min + " to " + max;
            throw PickleError.corrupt(name + " takes " + wanted + " arguments, got " + args.size());
        }
    }

    HostTensor tensorArg(Object value) {
        if (value instanceof HostTensor tensor) {
            return tensor;
        }
        throw PickleError.corrupt(name + " needs a tensor, got " + PyValues.describe(value));
    }

    long longArg(Object value, String what) {
        if (value instanceof Long l) {
            return l;
        }
        throw PickleError.corrupt(name + " needs an integer " + what + ", got " + PyValues.describe(value));
    }

    long[] longs(Object value, String what) {
        List<?> list = listArg(value, what);
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = longArg(list.get(i), what);
        }
        return out;
    }

    List<?> listArg(Object value, String what) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw PickleError.corrupt(name + " needs a tuple for " + what + ", got " + PyValues.describe(value));
    }

    Collection<?> iterable(Object value) {
        if (value instanceof Collection<?> c) {
            return c;
        }
        throw PickleError.corrupt(name + " needs a list, got " + PyValues.describe(value));
    }

    List<Object> copyOf(Object value) {
        return new ArrayList<>(iterable(value));
    }

    /** The elements of a set built from an iterable. */
    LinkedHashSet<Object> elements(Object value) {
        LinkedHashSet<Object> set = new LinkedHashSet<>();
        for (Object item : iterable(value)) {
            set.add(PyValues.hashable(item));
        }
        return set;
    }
}

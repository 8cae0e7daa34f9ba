package org.medino.checkpoint;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medino.MedinoException;

/**
 * A pickle virtual machine (protocols 2 to 5) that reads what {@code torch.save} writes and
 * nothing more, like {@code torch.load(weights_only=True)}.
 *
 * <p>Pickle is a program: GLOBAL names any Python callable and REDUCE calls it, so a plain
 * unpickler runs whatever the file says. Here GLOBAL only resolves a short allow-list
 * ({@link PickleGlobal}) and refuses everything else before it can be called.
 *
 * <p>Values come out as plain Java: {@code LinkedHashMap} for dict and OrderedDict (insertion
 * order kept), {@code List} for list and tuple (tuples are unmodifiable), {@code String},
 * {@code Long} (or {@code BigInteger} when too big), {@code Double}, {@code Boolean},
 * {@code null}, {@code byte[]}, {@code Set} for set and frozenset, {@link DType} for a pickled
 * torch dtype, and {@link HostTensor} for tensors. The unpickler does no I/O: storages come
 * from a {@link StorageSource}.
 */
public final class RestrictedUnpickler {

    /** Supplies the bytes of the storage a tensor references; called once per storage reference. */
    @FunctionalInterface
    public interface StorageSource {
        /**
         * @param key the storage's name in the archive ({@code data/<key>})
         * @param dtype the element type the pickle declares for it
         * @return the storage's bytes in little-endian order; at least {@code numel * dtype.bytes()}
         * @throws MedinoException if the storage cannot be had
         */
        ByteBuffer bytes(String key, DType dtype);
    }

    private static final int HIGHEST_PROTOCOL = 5;

    private final String source;
    private final StorageSource storages;

    /**
     * @param source the file name to start error messages with
     * @param storages where tensor data comes from
     */
    public RestrictedUnpickler(String source, StorageSource storages) {
        this.source = source;
        this.storages = storages;
    }

    /**
     * Runs the pickle up to its STOP opcode and returns the value it built.
     *
     * @throws MedinoException naming the source if the pickle is corrupt, truncated or asks for
     *     anything but weights
     */
    public Object load(ByteBuffer pickle) {
        try {
            return new Machine(pickle.slice().order(ByteOrder.LITTLE_ENDIAN)).run();
        } catch (PickleError e) {
            throw new MedinoException(source + ": " + e.getMessage());
        }
    }

    /** The state of one run: input, stack, marks and memo. */
    private final class Machine {
        private final ByteBuffer in;
        private final List<Object> stack = new ArrayList<>();
        /** Stack heights at each MARK; objects below the top mark are out of reach. */
        private final List<Integer> marks = new ArrayList<>();
        private final Map<Long, Object> memo = new HashMap<>();
        /** The opcode being run, for messages. */
        private Opcode opcode;

        Machine(ByteBuffer in) {
            this.in = in;
        }

        Object run() {
            while (true) {
                if (!in.hasRemaining()) {
                    throw PickleError.truncated("no STOP opcode after " + in.position() + " bytes");
                }
                int at = in.position();
                byte code = in.get();
                Opcode op = Opcode.of(code);
                if (op == null) {
                    throw PickleError.corrupt(
                            String.format("unknown or unsupported opcode 0x%02x at byte %d", code, at));
                }
                opcode = op;
                switch (op) {
                    case PROTO -> {
                        int protocol = u8();
                        if (protocol > HIGHEST_PROTOCOL) {
                            throw PickleError.corrupt("unsupported pickle protocol " + protocol);
                        }
                    }
                    case FRAME -> take(8); // only a read-ahead hint: the opcodes simply follow
                    case STOP -> {
                        return pop();
                    }
                    case MARK -> marks.add(stack.size());
                    case POP -> {
                        // as in CPython, POP with nothing above the top mark discards the mark
                        if (stack.size() == base() && !marks.isEmpty()) {
                            popToMark();
                        } else {
                            pop();
                        }
                    }
                    case POP_MARK -> popToMark();
                    case DUP -> push(peek());
                    case NONE -> push(null);
                    case NEWTRUE -> push(Boolean.TRUE);
                    case NEWFALSE -> push(Boolean.FALSE);
                    case BININT -> push((long) take(4).getInt());
                    case BININT1 -> push((long) u8());
                    case BININT2 -> push(take(2).getShort() & 0xffffL);
                    case LONG1 -> push(integer(take(length(1, false))));
                    case LONG4 -> push(integer(take(length(4, true))));
                    case BINFLOAT -> push(take(8).order(ByteOrder.BIG_ENDIAN).getDouble());
                    case SHORT_BINUNICODE -> push(text(length(1, false)));
                    case BINUNICODE -> push(text(length(4, false)));
                    case BINUNICODE8 -> push(text(length(8, true)));
                    // Python 2 str: torch.load decodes it as UTF-8, and so do we
                    case SHORT_BINSTRING -> push(text(length(1, false)));
                    case BINSTRING -> push(text(length(4, true)));
                    case SHORT_BINBYTES -> push(bytes(length(1, false)));
                    case BINBYTES -> push(bytes(length(4, false)));
                    case BINBYTES8 -> push(bytes(length(8, true)));
                    case EMPTY_TUPLE -> push(List.of());
                    case TUPLE -> push(tuple(popToMark()));
                    case TUPLE1 -> push(tuple(popN(1)));
                    case TUPLE2 -> push(tuple(popN(2)));
                    case TUPLE3 -> push(tuple(popN(3)));
                    case EMPTY_LIST -> push(new ArrayList<>());
                    case LIST -> push(new ArrayList<>(popToMark()));
                    case APPEND -> {
                        Object item = pop();
                        list(peek()).add(item);
                    }
                    case APPENDS -> {
                        List<Object> items = popToMark();
                        list(peek()).addAll(items);
                    }
                    case EMPTY_DICT -> push(new LinkedHashMap<>());
                    case DICT -> {
                        Map<Object, Object> dict = new LinkedHashMap<>();
                        putPairs(dict, popToMark());
                        push(dict);
                    }
                    case SETITEM -> {
                        List<Object> pair = popN(2);
                        putPairs(dict(peek()), pair);
                    }
                    case SETITEMS -> {
                        List<Object> pairs = popToMark();
                        putPairs(dict(peek()), pairs);
                    }
                    case EMPTY_SET -> push(new LinkedHashSet<>());
                    case ADDITEMS -> {
                        List<Object> items = popToMark();
                        Set<Object> set = set(peek());
                        items.forEach(item -> set.add(PyValues.hashable(item)));
                    }
                    case FROZENSET -> {
                        Set<Object> set = new LinkedHashSet<>();
                        popToMark().forEach(item -> set.add(PyValues.hashable(item)));
                        push(Collections.unmodifiableSet(set));
                    }
                    case BINPUT -> memo.put((long) u8(), peek());
                    case LONG_BINPUT -> memo.put(take(4).getInt() & 0xffffffffL, peek());
                    case MEMOIZE -> memo.put((long) memo.size(), peek());
                    case BINGET -> push(memoGet(u8()));
                    case LONG_BINGET -> push(memoGet(take(4).getInt() & 0xffffffffL));
                    case GLOBAL -> {
                        String module = line();
                        push(PickleGlobal.resolve(module, line()));
                    }
                    case STACK_GLOBAL -> {
                        Object name = pop();
                        Object module = pop();
                        if (!(module instanceof String m) || !(name instanceof String n)) {
                            throw PickleError.corrupt("STACK_GLOBAL needs two strings");
                        }
                        push(PickleGlobal.resolve(m, n));
                    }
                    // NEWOBJ is cls.__new__(cls, *args): for the allowed classes the same as a call
                    case REDUCE, NEWOBJ -> {
                        Object args = pop();
                        push(call(pop(), args));
                    }
                    case BUILD -> {
                        pop(); // the state: see checkBuildTarget
                        checkBuildTarget(peek());
                    }
                    case BINPERSID -> push(storage(pop()));
                }
            }
        }

        // --- stack ---

        private int base() {
            return marks.isEmpty() ? 0 : marks.get(marks.size() - 1);
        }

        private void push(Object value) {
            stack.add(value);
        }

        private Object pop() {
            if (stack.size() <= base()) {
                throw PickleError.corrupt(opcode + " with an empty stack");
            }
            return stack.remove(stack.size() - 1);
        }

        private Object peek() {
            if (stack.size() <= base()) {
                throw PickleError.corrupt(opcode + " with an empty stack");
            }
            return stack.get(stack.size() - 1);
        }

        private List<Object> popN(int n) {
            if (stack.size() - base() < n) {
                throw PickleError.corrupt(opcode + " needs " + n + " items on the stack");
            }
            List<Object> top = stack.subList(stack.size() - n, stack.size());
            List<Object> items = new ArrayList<>(top);
            top.clear();
            return items;
        }

        private List<Object> popToMark() {
            if (marks.isEmpty()) {
                throw PickleError.corrupt(opcode + " without a MARK");
            }
            int mark = marks.remove(marks.size() - 1);
            List<Object> top = stack.subList(mark, stack.size());
            List<Object> items = new ArrayList<>(top);
            top.clear();
            return items;
        }

        // --- memo ---

        private Object memoGet(long index) {
            if (!memo.containsKey(index)) {
                throw PickleError.corrupt(opcode + " of memo entry " + index + ", which was never stored");
            }
            return memo.get(index);
        }

        // --- input ---

        private ByteBuffer take(int n) {
            if (in.remaining() < n) {
                throw PickleError.truncated("ends inside " + opcode + " at byte " + in.limit());
            }
            ByteBuffer part = in.slice(in.position(), n).order(ByteOrder.LITTLE_ENDIAN);
            in.position(in.position() + n);
            return part;
        }

        private int u8() {
            return take(1).get() & 0xff;
        }

        /**
         * A length prefix of 1, 4 or 8 bytes, checked against what is left of the input so that a
         * bad length cannot make us allocate a huge array.
         */
        private int length(int width, boolean signed) {
            ByteBuffer b = take(width);
            long n = switch (width) {
                case 1 -> b.get() & 0xff;
                case 4 -> signed ? b.getInt() : b.getInt() & 0xffffffffL;
                default -> b.getLong();
            };
            if (n < 0) {
                throw PickleError.corrupt(opcode + " with negative length " + n);
            }
            if (n > in.remaining()) {
                throw PickleError.truncated(opcode + " of " + n + " bytes, but only " + in.remaining() + " are left");
            }
            return (int) n;
        }

        private String text(int n) {
            ByteBuffer b = take(n);
            return StandardCharsets.UTF_8.decode(b).toString();
        }

        private byte[] bytes(int n) {
            byte[] out = new byte[n];
            take(n).get(out);
            return out;
        }

        /** A GLOBAL operand: text up to a newline. */
        private String line() {
            for (int i = in.position(); i < in.limit(); i++) {
                if (in.get(i) == '\n') {
                    String s = text(i - in.position());
                    in.get(); // the newline
                    return s;
                }
            }
            throw PickleError.truncated("ends inside GLOBAL");
        }

        // --- objects ---

        /** LONG1/LONG4 operand: little-endian two's complement of any width. */
        private Object integer(ByteBuffer b) {
            byte[] bigEndian = new byte[b.remaining()];
            for (int i = 0; i < bigEndian.length; i++) {
                bigEndian[bigEndian.length - 1 - i] = b.get(i);
            }
            if (bigEndian.length == 0) {
                return 0L;
            }
            BigInteger value = new BigInteger(bigEndian);
            return value.bitLength() < 64 ? (Object) value.longValue() : value;
        }

        /** Tuples are unmodifiable, which also keeps APPEND and friends off them. */
        private List<Object> tuple(List<Object> items) {
            return Collections.unmodifiableList(items);
        }

        @SuppressWarnings("unchecked")
        private List<Object> list(Object target) {
            if (target instanceof ArrayList<?> list) {
                return (List<Object>) list;
            }
            throw PickleError.corrupt(opcode + " to " + PyValues.describe(target) + ", not a list");
        }

        @SuppressWarnings("unchecked")
        private Map<Object, Object> dict(Object target) {
            if (target instanceof LinkedHashMap<?, ?> map) {
                return (Map<Object, Object>) map;
            }
            throw PickleError.corrupt(opcode + " to " + PyValues.describe(target) + ", not a dict");
        }

        @SuppressWarnings("unchecked")
        private Set<Object> set(Object target) {
            if (target instanceof LinkedHashSet<?> set) {
                return (Set<Object>) set;
            }
            throw PickleError.corrupt(opcode + " to " + PyValues.describe(target) + ", not a set");
        }

        private void putPairs(Map<Object, Object> dict, List<Object> items) {
            if (items.size() % 2 != 0) {
                throw PickleError.corrupt(opcode + " with a key and no value");
            }
            for (int i = 0; i < items.size(); i += 2) {
                dict.put(PyValues.hashable(items.get(i)), items.get(i + 1));
            }
        }

        private Object call(Object callable, Object args) {
            if (!(callable instanceof PickleGlobal function)) {
                throw PickleError.corrupt(opcode + " calls " + PyValues.describe(callable)
                        + ", which is not callable");
            }
            if (!(args instanceof List<?> list)) {
                throw PickleError.corrupt(opcode + " with arguments that are not a tuple");
            }
            return function.call(new ArrayList<>(list));
        }

        /**
         * BUILD sets Python attributes. Only a state dict's {@code _metadata} (layer versions) and a
         * parameter's extra attributes get here; a weights reader has no use for either, so the
         * state is dropped, but BUILD on anything else is not something torch.save writes.
         */
        private void checkBuildTarget(Object target) {
            if (!(target instanceof Map) && !(target instanceof HostTensor)) {
                throw PickleError.corrupt("BUILD on " + PyValues.describe(target));
            }
        }

        /** BINPERSID: ('storage', storage_type, key, location, numel), as torch.save writes. */
        private TorchStorage storage(Object pid) {
            if (!(pid instanceof List<?> id) || id.size() != 5 || !"storage".equals(id.get(0))) {
                throw PickleError.corrupt("persistent id is not a ('storage', type, key, location, numel) tuple");
            }
            if (!(id.get(1) instanceof PickleGlobal.StorageType type)) {
                throw PickleError.corrupt("storage type is " + PyValues.describe(id.get(1)));
            }
            if (!(id.get(2) instanceof String key)) {
                throw PickleError.corrupt("storage key is " + PyValues.describe(id.get(2)));
            }
            if (!(id.get(4) instanceof Long numel) || numel < 0) {
                throw PickleError.corrupt("storage '" + PickleError.printable(key) + "' has a bad element count");
            }
            DType dtype = type.dtype();
            ByteBuffer bytes = storages.bytes(key, dtype);
            if (numel > bytes.remaining() / dtype.bytes()) {
                throw PickleError.badStorage("storage '" + PickleError.printable(key) + "' has " + bytes.remaining()
                        + " bytes, but the pickle says it holds " + numel + " elements of " + dtype);
            }
            ByteBuffer elements = bytes.slice(bytes.position(), (int) (numel * dtype.bytes()));
            return new TorchStorage(key, dtype, numel, elements.order(ByteOrder.LITTLE_ENDIAN));
        }
    }
}

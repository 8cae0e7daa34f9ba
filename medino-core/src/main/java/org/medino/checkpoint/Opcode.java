package org.medino.checkpoint;

/** The pickle opcodes {@link RestrictedUnpickler} knows, by their names in CPython's pickletools. */
enum Opcode {
    PROTO(0x80), FRAME(0x95), STOP('.'), MARK('('), POP('0'), POP_MARK('1'), DUP('2'),
    NONE('N'), NEWTRUE(0x88), NEWFALSE(0x89),
    BININT('J'), BININT1('K'), BININT2('M'), LONG1(0x8a), LONG4(0x8b), BINFLOAT('G'),
    SHORT_BINUNICODE(0x8c), BINUNICODE('X'), BINUNICODE8(0x8d), SHORT_BINSTRING('U'), BINSTRING('T'),
    SHORT_BINBYTES('C'), BINBYTES('B'), BINBYTES8(0x8e),
    EMPTY_TUPLE(')'), TUPLE('t'), TUPLE1(0x85), TUPLE2(0x86), TUPLE3(0x87),
    EMPTY_LIST(']'), LIST('l'), APPEND('a'), APPENDS('e'),
    EMPTY_DICT('}'), DICT('d'), SETITEM('s'), SETITEMS('u'),
    EMPTY_SET(0x8f), ADDITEMS(0x90), FROZENSET(0x91),
    BINPUT('q'), LONG_BINPUT('r'), MEMOIZE(0x94), BINGET('h'), LONG_BINGET('j'),
    GLOBAL('c'), STACK_GLOBAL(0x93), REDUCE('R'), NEWOBJ(0x81), BUILD('b'), BINPERSID('Q');

    private static final Opcode[] BY_CODE = new Opcode[256];

    static {
        for (Opcode op : values()) {
            BY_CODE[op.code] = op;
        }
    }

    private final int code;

    Opcode(int code) {
        this.code = code;
    }

    /** The opcode for a byte, or null if it is not one we support. */
    static Opcode of(byte b) {
        return BY_CODE[b & 0xff];
    }
}

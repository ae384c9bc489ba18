package io.oort.engine.sql.function.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.oort.engine.sql.ast.Expr;
import io.oort.engine.sql.ast.FieldRef;
import io.oort.engine.sql.ast.Literal;
import io.oort.engine.sql.ast.Pos;
import io.oort.engine.sql.function.FunctionDef;
import io.oort.engine.sql.function.FunctionRegistry;
import io.oort.engine.sql.function.TestFnContext;

/**
 * Facts from eKuiper's topo/operator/misc_func_test.go (TestMiscFunc_Apply1 hashes of "The quick brown fox jumps
 * over the lazy dog", md5 of a missing column), hashing_functions.md and hash_*.json.
 */
class HashFunctionsTest {

    private static final FunctionRegistry REG = FunctionRegistry.withBuiltins();
    private final TestFnContext ctx = new TestFnContext();
    private static final String FOX = "The quick brown fox jumps over the lazy dog";

    private static FunctionDef def(String name) {
        FunctionDef d = REG.lookup(name);
        assertNotNull(d, name);
        return d;
    }

    private Object call(String name, Object... args) {
        return def(name).scalar().apply(ctx, args);
    }

    private static String validate(String name, Expr... args) {
        return def(name).validator().validate(List.of(args));
    }

    private static Literal lit(Object v) {
        return new Literal(Pos.NONE, v);
    }

    @Test
    void digestsOfTheFox() {
        assertEquals("9E107D9D372BB6826BD81D3542A419D6".toLowerCase(Locale.ROOT), call("md5", FOX));
        assertEquals("2FD4E1C67A2D28FCED849EE1BB76E7391B93EB12".toLowerCase(Locale.ROOT), call("sha1", FOX));
        assertEquals("D7A8FBB307D7809469CA9ABCB0082E4F8D5651E46D3CDB762D02D0BF37C9E592".toLowerCase(Locale.ROOT),
                call("sha256", FOX));
        assertEquals(("CA737F1014A48F4C0B6DD43CB177B0AFD9E5169367544C494011E3317DBF9A509CB1E5DC1E85A941BBEE3D7F2AFBC9B1")
                .toLowerCase(Locale.ROOT), call("sha384", FOX));
        assertEquals(("07E547D9586F6A73F73FBAC0435ED76951218FB7D0C8D788A309D785436BBB642E93A252A954F23912547D1E8A3B5ED6E1"
                + "BFD7097821233FA0538F3DB854FEE6").toLowerCase(Locale.ROOT), call("sha512", FOX));
        assertEquals("414fa339", call("crc32", FOX));
    }

    @Test
    void emptyStringAndRepeatedCalls() {
        assertEquals("d41d8cd98f00b204e9800998ecf8427e", call("md5", ""));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", call("sha256", ""));
        assertEquals("0", call("crc32", ""));
        // the per-thread digest is reset between calls
        assertEquals(call("sha1", "abc"), call("sha1", "abc"));
        assertEquals("a9993e364706816aba3e25717850c26c9cd0d89d", call("sha1", "abc"));
    }

    @Test
    void crc32IsGoPercentX() {
        // fmt.Sprintf("%x", uint32): lower case, no zero padding
        java.util.zip.CRC32 c = new java.util.zip.CRC32();
        // find an input whose checksum has a leading zero nibble
        String in = null;
        for (int i = 0; i < 10_000 && in == null; i++) {
            c.reset();
            c.update(("k" + i).getBytes(StandardCharsets.UTF_8));
            if (c.getValue() < 0x10000000L) {
                in = "k" + i;
            }
        }
        assertNotNull(in);
        String h = (String) call("crc32", in);
        assertEquals(Long.toHexString(c.getValue()), h);
        assertEquals(true, h.length() < 8);
    }

    @Test
    void nonStringsHashTheirGoText() {
        // cast.ToStringAlways: %v of the value
        assertEquals(call("md5", "123"), call("md5", 123L));
        assertEquals(call("md5", "1.5"), call("md5", 1.5));
        assertEquals(call("sha1", "[1 2]"), call("sha1", List.of(1L, 2L)));
        assertEquals(call("md5", "中国"), call("md5", "中国"));
    }

    @Test
    void nullGivesNull() {
        for (String n : new String[] {"md5", "sha1", "sha256", "sha384", "sha512", "crc32"}) {
            assertNull(call(n, (Object) null), n);
            assertNull(call(n, new ArrayList<>()), n);
        }
    }

    @Test
    void validators() {
        for (String n : new String[] {"md5", "sha1", "sha256", "sha384", "sha512", "crc32"}) {
            assertEquals("Expect 1 arguments but found 2.", validate(n, lit("a"), lit("b")), n);
            assertEquals("Expect string type for parameter 1", validate(n, lit(1L)), n);
            assertNull(validate(n, new FieldRef(Pos.NONE, null, "a")), n);
        }
    }
}

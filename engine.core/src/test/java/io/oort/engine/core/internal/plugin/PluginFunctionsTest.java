package io.oort.engine.core.internal.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.oort.engine.core.api.function.AggregateFunction;
import io.oort.engine.core.api.function.FunctionException;
import io.oort.engine.core.api.function.ScalarFunction;
import io.oort.engine.core.api.function.SqlFunction;
import io.oort.engine.core.internal.config.EngineConfig;
import io.oort.engine.core.internal.registry.ConnectorRegistry;
import io.oort.engine.core.internal.rule.RuleDef;
import io.oort.engine.core.internal.service.EngineService;
import io.oort.engine.core.internal.service.ServiceException;
import io.oort.engine.sql.function.FunctionDef;
import io.oort.engine.sql.value.EvalException;

/**
 * The function SPI wired into a real engine (without OSGi): plugin functions are callable from SQL, rules using one
 * that goes away stop with "function x is not installed" and start again when it comes back.
 */
class PluginFunctionsTest {

    private EngineService engine;
    private PluginFunctions functions;
    private final BlockingQueue<Map<String, Object>> out = new LinkedBlockingQueue<>();
    private AutoCloseable subscription;

    /** {@code twice(x)}: 2x; its thread context class loader is recorded. */
    static final class Twice implements ScalarFunction {
        volatile ClassLoader tccl;

        @Override
        public String validate(Object[] args) {
            return args.length == 1 ? null : "expect 1 argument but found " + args.length;
        }

        @Override
        public Object call(io.oort.engine.core.api.function.FunctionContext ctx, Object[] args)
                throws FunctionException {
            tccl = Thread.currentThread().getContextClassLoader();
            if (!(args[0] instanceof Number n)) {
                throw new FunctionException("twice: not a number: " + args[0]);
            }
            Object count = ctx.getState("calls");
            ctx.putState("calls", count == null ? 1 : (Integer) count + 1);
            if (args[0] instanceof Long l) {
                return Integer.valueOf((int) (l * 2)); // an Integer on purpose: the engine wants Long
            }
            return n.doubleValue() * 2;
        }
    }

    /** {@code spread(x)}: max - min of a group. */
    static final class Spread implements AggregateFunction {
        @Override
        public Object aggregate(io.oort.engine.core.api.function.FunctionContext ctx, List<List<Object>> args) {
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (Object o : args.get(0)) {
                long v = ((Number) o).longValue();
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            return max - min;
        }
    }

    @BeforeEach
    void start() throws Exception {
        engine = new EngineService(new ConnectorRegistry(), EngineConfig.of(Map.of()), null);
        functions = new PluginFunctions(engine.functions());
        engine.catalog().create("CREATE STREAM fin () WITH (TYPE=\"memory\", DATASOURCE=\"fin\", FORMAT=\"json\")");
        subscription = engine.memoryBus().subscribe("fout", out::add);
    }

    @AfterEach
    void stop() throws Exception {
        subscription.close();
        Method m = EngineService.class.getDeclaredMethod("deactivate");
        m.setAccessible(true);
        m.invoke(engine);
    }

    private void createRule(String id, String sql) throws ServiceException {
        engine.rules().create(RuleDef.parse("{\"id\":\"" + id + "\",\"sql\":\"" + sql
                + "\",\"actions\":[{\"memory\":{\"topic\":\"fout\"}}]}", null));
    }

    private Map<String, Object> status(String id) throws ServiceException {
        return engine.rules().status(id);
    }

    private Map<String, Object> next() throws InterruptedException {
        Map<String, Object> row = out.poll(5, TimeUnit.SECONDS);
        assertTrue(row != null, "a result arrives");
        return row;
    }

    @Test
    void rulesCallPluginFunctionsAndWaitWhileTheyAreGone() throws Exception {
        Twice twice = new Twice();
        Map<String, Object> props = Map.of(SqlFunction.NAME, new String[] {"twice", "Double_It"});
        functions.addScalar(twice, props);
        createRule("r1", "SELECT twice(v) AS t, double_it(v) AS d FROM fin");
        assertEquals("running", status("r1").get("status"));
        engine.memoryBus().publish("fin", Map.of("v", 21L));
        Map<String, Object> row = next();
        assertEquals(42L, row.get("t"), "an Integer result becomes a Long");
        assertEquals(42L, row.get("d"));
        assertEquals(42L, engine.functions().lookup("twice").scalar().apply(null, new Object[] {21L}),
                "also when called directly");
        assertSame(Twice.class.getClassLoader(), twice.tccl, "plugin code runs with its class loader as TCCL");

        functions.removeScalar(twice, props);
        assertEquals("stopped", status("r1").get("status"));
        assertEquals("function twice is not installed", status("r1").get("message"));
        assertNull(engine.functions().lookup("twice"));

        functions.addScalar(twice, props);
        assertEquals("running", status("r1").get("status"), "the rule starts by itself");
        engine.memoryBus().publish("fin", Map.of("v", 1.5));
        assertEquals(3.0, next().get("t"));
    }

    @Test
    void aRuleStoredWhileItsFunctionIsMissingWaitsForIt() throws Exception {
        ServiceException e = assertThrows(ServiceException.class, () -> createRule("r2", "SELECT twice(v) FROM fin"));
        assertTrue(e.getMessage().contains("function twice not found"), e.getMessage());
        Twice twice = new Twice();
        functions.addScalar(twice, Map.of(SqlFunction.NAME, "twice"));
        createRule("r2", "SELECT twice(v) AS t FROM fin");
        functions.removeScalar(twice, Map.of(SqlFunction.NAME, "twice"));
        engine.rules().stop("r2");
        engine.rules().start("r2");
        assertEquals("function twice is not installed", status("r2").get("message"));
        functions.addScalar(new Twice(), Map.of(SqlFunction.NAME, "twice"));
        assertEquals("running", status("r2").get("status"));
    }

    @Test
    void functionErrorsAreRowErrorsAndValidationUsesThePlugin() throws Exception {
        functions.addScalar(new Twice(), Map.of(SqlFunction.NAME, "twice"));
        ServiceException e = assertThrows(ServiceException.class, () -> createRule("r3", "SELECT twice(v, 2) FROM fin"));
        assertTrue(e.getMessage().contains("validate function twice error: expect 1 argument but found 2"),
                e.getMessage());
        FunctionDef def = engine.functions().lookup("twice");
        EvalException ex = assertThrows(EvalException.class, () -> def.scalar().apply(null, new Object[] {"x"}));
        assertEquals("twice: not a number: x", ex.getMessage());
    }

    @Test
    void aggregatesGetTheValuesOfTheGroup() throws Exception {
        functions.addAggregate(new Spread(), Map.of(SqlFunction.NAME, "spread"));
        createRule("r4", "SELECT spread(v) AS s FROM fin GROUP BY COUNTWINDOW(3)");
        for (long v : new long[] {5, 1, 9}) {
            engine.memoryBus().publish("fin", Map.of("v", v));
        }
        assertEquals(8L, next().get("s"));
    }

    @Test
    void builtinsCannotBeShadowedAndASecondProviderWaitsOnStandby() {
        functions.addScalar(new Twice(), Map.of(SqlFunction.NAME, "abs"));
        assertTrue(engine.functions().lookup("abs").isBuiltin());
        Twice first = new Twice();
        Twice second = new Twice();
        functions.addScalar(first, Map.of(SqlFunction.NAME, "twice"));
        functions.addScalar(second, Map.of(SqlFunction.NAME, "twice"));
        assertSame(first, functions.current().get(0).service());
        functions.removeScalar(first, Map.of(SqlFunction.NAME, "twice"));
        assertSame(second, functions.current().get(0).service(), "the standby takes over");
    }

    @Test
    void valuesAreNormalizedToEngineTypes() {
        assertEquals(List.of(1L, 2.5, Map.of("a", 3L)),
                FunctionAdapters.normalize(List.of(1, 2.5f, Map.of("a", (short) 3))));
    }
}

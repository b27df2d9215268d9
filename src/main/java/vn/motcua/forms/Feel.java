package vn.motcua.forms;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.impl.JavaValueMapper;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValNumber;
import org.camunda.feel.valuemapper.CustomValueMapper;
import org.camunda.feel.valuemapper.JavaCustomValueMapper;
import org.camunda.feel.valuemapper.ValueMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import camundajar.impl.scala.jdk.javaapi.CollectionConverters;

/**
 * Camunda's own FEEL engine (feel-scala, the one Camunda 7 uses for DMN, shipped with the Camunda starter),
 * set up for forms: results come back as plain Java values with numbers as exact decimals, {@code today()}
 * and {@code now()} follow the given clock (Vietnamese time by default), and calls into Java classes
 * ("external functions") stay disabled, since form expressions come from uploaded files.
 *
 * <p>Thread-safe; parsed expressions are cached because the same few expressions of a form are evaluated on
 * every keystroke of the renderer.
 */
final class Feel {

    private static final Logger LOG = LoggerFactory.getLogger(Feel.class);

    /** Enough for every expression of every deployed form; cleared wholesale beyond that (rare, cheap). */
    private static final int CACHE_LIMIT = 4096;

    private static final Feel DEFAULT = new Feel(Clock.system(Forms.ZONE));

    private final Clock clock;
    private final FeelEngineApi engine;
    private final Map<String, ParsedExpression> cache = new ConcurrentHashMap<>();

    private Feel(Clock clock) {
        this.clock = clock;
        // The FEEL builder's withCustomValueMapper keeps only the last mapper, so compose them ourselves,
        // exactly as Camunda's ScalaFeelEngine does.
        List<CustomValueMapper> mappers = List.of(new DecimalValueMapper(), new JavaValueMapper());
        ValueMapper valueMapper = new ValueMapper.CompositeValueMapper(CollectionConverters.asScala(mappers).toList());
        this.engine = FeelEngineBuilder.create()
                .withValueMapper(valueMapper)
                .withClock(() -> ZonedDateTime.now(clock))
                .withEnabledExternalFunctions(false)
                .build();
    }

    /** The shared engine on Vietnamese time. */
    static Feel standard() {
        return DEFAULT;
    }

    /** An engine whose {@code today()} and {@code now()} follow the clock (the shared one for the system clock). */
    static Feel withClock(Clock clock) {
        return clock.equals(DEFAULT.clock) ? DEFAULT : new Feel(clock);
    }

    /** True for form-js expression syntax: text starting with {@code =}. */
    static boolean isExpression(String text) {
        return text != null && text.startsWith("=");
    }

    /** The expression without its leading {@code =}. */
    static String body(String expression) {
        return isExpression(expression) ? expression.substring(1) : expression;
    }

    /**
     * Why an expression does not parse, or empty when it does.
     *
     * @param expression the expression, with or without the leading {@code =}
     */
    Optional<String> syntaxError(String expression) {
        String body = body(expression);
        if (body.isBlank()) {
            return Optional.of("the expression is empty");
        }
        if (cache.containsKey(body)) {
            return Optional.empty();
        }
        ParseResult result = engine.parseExpression(body);
        if (result.isFailure()) {
            return Optional.of(result.failure().message());
        }
        remember(body, result.parsedExpression());
        return Optional.empty();
    }

    /**
     * Evaluates an expression against the variables. A failure (unparsable text, a type error inside the
     * expression) yields null, as form-js treats failed expressions as having no value; missing variables
     * are null in FEEL, not failures.
     *
     * @param expression the expression, with or without the leading {@code =}
     * @param variables  the FEEL context, JSON-like values; not modified
     * @return the result in the stored shape (see {@link Values#fromFeel(Object)}), or null
     */
    Object evaluate(String expression, Map<String, Object> variables) {
        String body = body(expression);
        ParsedExpression parsed = cache.get(body);
        if (parsed == null) {
            ParseResult result = engine.parseExpression(body);
            if (result.isFailure()) {
                LOG.debug("FEEL expression does not parse: {}", body);
                return null;
            }
            parsed = result.parsedExpression();
            remember(body, parsed);
        }
        EvaluationResult result = engine.evaluate(parsed, variables);
        if (result.isFailure()) {
            // The failure message may quote data values (names, ID numbers): log the expression only.
            LOG.debug("FEEL expression failed: {}", body);
            return null;
        }
        return Values.fromFeel(result.result());
    }

    /** True only when the expression evaluates to boolean {@code true} (null and failures are false). */
    boolean isTrue(String expression, Map<String, Object> variables) {
        return Boolean.TRUE.equals(evaluate(expression, variables));
    }

    private void remember(String body, ParsedExpression parsed) {
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(body, parsed);
    }

    /**
     * Unpacks FEEL numbers to {@link java.math.BigDecimal} instead of the Long/Double of the Java value mapper,
     * so that fees and areas computed by forms keep their exact decimal value. Consulted before the Java
     * mapper, which handles everything else (and calls back here for numbers inside lists and contexts).
     */
    private static final class DecimalValueMapper extends JavaCustomValueMapper {

        @Override
        public Optional<Val> toValue(Object value, Function<Object, Val> innerValueMapper) {
            return Optional.empty();
        }

        @Override
        public Optional<Object> unpackValue(Val value, Function<Val, Object> innerValueMapper) {
            if (value instanceof ValNumber number) {
                return Optional.of(number.value().bigDecimal());
            }
            return Optional.empty();
        }

        @Override
        public int priority() {
            return 100;
        }
    }
}

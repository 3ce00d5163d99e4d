package io.cmeautopilot.rules;

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cmeautopilot.rules.api.AccountFact;
import io.cmeautopilot.rules.api.FeatureUsage;

/**
 * The readable properties of a fact class, found once by reflection, and which of them a rule's
 * conditions mention: those are the values recorded as evidence when the rule fires.
 */
final class FactFields {

    static final FactFields ACCOUNT = new FactFields(AccountFact.class);
    static final FactFields FEATURE = new FactFields(FeatureUsage.class);

    private static final Pattern WORD = Pattern.compile("[A-Za-z_]\\w*");

    private final Map<String, Function<Object, Object>> getters = new HashMap<>();
    private final Map<String, String> byWord = new TreeMap<>();

    private FactFields(Class<?> type) {
        for (Method m : type.getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class) {
                continue;
            }
            String name = m.getName();
            int prefix = name.startsWith("get") ? 3 : name.startsWith("is") ? 2 : 0;
            if (prefix == 0 || name.length() == prefix) {
                continue;
            }
            String property = name.substring(prefix, prefix + 1).toLowerCase(Locale.ROOT) + name.substring(prefix + 1);
            getters.put(property, getter(m));
            byWord.put(property, property);
            byWord.put(name, property);
        }
    }

    /** Properties named in the text (as {@code field} or {@code getField()}), in order of first mention. */
    List<String> mentionedIn(String conditions) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = WORD.matcher(conditions);
        while (m.find()) {
            String property = byWord.get(m.group());
            if (property != null) {
                found.add(property);
            }
        }
        return new ArrayList<>(found);
    }

    /** The property's value in a JSON-friendly form (enums and dates as text). */
    Object read(Object fact, String property) {
        Function<Object, Object> getter = getters.get(property);
        if (getter == null) {
            return null;
        }
        Object value = getter.apply(fact);
        return value instanceof Enum<?> || value instanceof TemporalAccessor ? value.toString() : value;
    }

    /**
     * A direct call of the getter (a generated lambda, as fast as hand-written code); plain reflection
     * if the JVM will not generate one. Getters of the fact classes only return their fields.
     */
    @SuppressWarnings("unchecked")
    private static Function<Object, Object> getter(Method m) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            MethodHandle handle = lookup.unreflect(m);
            return (Function<Object, Object>) LambdaMetafactory.metafactory(lookup, "apply",
                    MethodType.methodType(Function.class), MethodType.methodType(Object.class, Object.class), handle,
                    MethodType.methodType(m.getReturnType().isPrimitive() ? boxed(m.getReturnType()) : m.getReturnType(),
                            m.getDeclaringClass()))
                    .getTarget().invoke();
        } catch (Throwable e) {
            return fact -> {
                try {
                    return m.invoke(fact);
                } catch (ReflectiveOperationException unreadable) {
                    return "<unreadable>";
                }
            };
        }
    }

    private static Class<?> boxed(Class<?> primitive) {
        return MethodType.methodType(primitive).wrap().returnType();
    }
}

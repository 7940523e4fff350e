package io.github.kenshinbooking.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.beans.PropertyDescriptor;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.configurationmetadata.ConfigurationMetadataProperty;
import org.springframework.boot.configurationmetadata.ConfigurationMetadataRepository;
import org.springframework.boot.configurationmetadata.ConfigurationMetadataRepositoryJsonBuilder;
import org.springframework.boot.convert.ApplicationConversionService;

/**
 * The configuration metadata the jar ships for IDEs ({@code META-INF/spring-configuration-metadata.json}):
 * every {@code kenshin.*} property with a description, and the defaults it shows (written out in
 * {@code additional-spring-configuration-metadata.json}, the policy's numbers) equal to what the properties
 * really default to.
 */
class ConfigurationMetadataTest {
    /** Properties without a default: unset means "the library's own". */
    private static final Set<String> NO_DEFAULT = Set.of("kenshin.mail.reset-link-base", "kenshin.mail.templates-dir",
            "kenshin.messages.bundle");

    private static Map<String, ConfigurationMetadataProperty> metadata() throws Exception {
        try (InputStream in = ConfigurationMetadataTest.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("generated metadata").isNotNull();
            ConfigurationMetadataRepository repo = ConfigurationMetadataRepositoryJsonBuilder.create(StandardCharsets.UTF_8)
                    .withJsonResource(in).build();
            return repo.getAllProperties();
        }
    }

    /** Every leaf property of the class, as {@code prefix.kebab-name}. */
    private static List<String> leaves(Class<?> type, String prefix) {
        List<String> out = new ArrayList<>();
        for (PropertyDescriptor d : BeanUtils.getPropertyDescriptors(type)) {
            if (d.getReadMethod() == null || d.getName().equals("class")) {
                continue;
            }
            String name = prefix + "." + kebab(d.getName());
            Class<?> t = d.getPropertyType();
            if (t.getName().startsWith(KenshinProperties.class.getName() + "$")) {
                out.addAll(leaves(t, name));
            } else if (d.getWriteMethod() != null) {
                out.add(name);
            }
        }
        return out;
    }

    private static String kebab(String camel) {
        StringBuilder sb = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                sb.append('-').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The declared type of that property. */
    private static Class<?> typeOf(String property) {
        Class<?> type = KenshinProperties.class;
        for (String part : property.substring("kenshin.".length()).split("\\.")) {
            PropertyDescriptor d = BeanUtils.getPropertyDescriptor(type, camel(part));
            assertThat(d).as(property).isNotNull();
            type = d.getPropertyType();
        }
        return type;
    }

    /** The value a fresh {@link KenshinProperties} holds at that property. */
    private static Object defaultOf(String property) throws ReflectiveOperationException {
        Object target = new KenshinProperties();
        for (String part : property.substring("kenshin.".length()).split("\\.")) {
            target = BeanUtils.getPropertyDescriptor(target.getClass(), camel(part)).getReadMethod().invoke(target);
        }
        return target;
    }

    private static String camel(String kebab) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < kebab.length(); i++) {
            char c = kebab.charAt(i);
            sb.append(c == '-' ? Character.toUpperCase(kebab.charAt(++i)) : c);
        }
        return sb.toString();
    }

    @Test
    @DisplayName("every kenshin.* property is in the metadata with a description, and with a default unless unset means the library's own")
    void everyPropertyDescribed() throws Exception {
        Map<String, ConfigurationMetadataProperty> all = metadata();
        List<String> leaves = leaves(KenshinProperties.class, "kenshin");
        assertThat(leaves).hasSizeGreaterThan(45);
        Set<String> missing = new TreeSet<>();
        for (String p : leaves) {
            ConfigurationMetadataProperty m = all.get(p);
            if (m == null || m.getDescription() == null || m.getDescription().isBlank()
                    || (m.getDefaultValue() == null && !NO_DEFAULT.contains(p))) {
                missing.add(p);
            }
        }
        assertThat(missing).isEmpty();
        assertThat(all.keySet().stream().filter(k -> k.startsWith("kenshin."))).containsExactlyInAnyOrderElementsOf(leaves);
    }

    @Test
    @DisplayName("the defaults the metadata shows are the values the properties default to (the policy's)")
    void defaultsMatch() throws Exception {
        ApplicationConversionService conversion = new ApplicationConversionService();
        for (ConfigurationMetadataProperty m : metadata().values()) {
            if (!m.getId().startsWith("kenshin.") || m.getDefaultValue() == null) {
                continue;
            }
            Object actual;
            try {
                actual = defaultOf(m.getId());
            } catch (InvocationTargetException e) {
                throw new AssertionError(m.getId(), e);
            }
            Object shown = m.getDefaultValue();
            Object expected = shown instanceof Object[] array ? List.of(array) : conversion.convert(shown, typeOf(m.getId()));
            assertThat(actual).as(m.getId()).isEqualTo(expected);
        }
    }
}

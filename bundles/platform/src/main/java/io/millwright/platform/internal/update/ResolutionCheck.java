package io.millwright.platform.internal.update;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;
import org.osgi.framework.namespace.PackageNamespace;

/**
 * Whether a new bundle version would resolve against what runs now, without installing it: every
 * mandatory Import-Package and Require-Capability (effective at resolve time) must be met by a
 * capability of a running bundle other than the one being replaced, or by the new bundle itself.
 * This is what the framework would check first; it does not replay uses constraints.
 */
final class ResolutionCheck {

    /** A capability on offer: its namespace, attributes, and who offers it (for messages). */
    record Offered(String namespace, Map<String, Object> attributes, String provider) {
    }

    /** What the check found: requirements not met (empty when it resolves) and how many were checked. */
    record Result(List<String> missing, int imports, int requirements) {
        boolean resolves() {
            return missing.isEmpty();
        }
    }

    private ResolutionCheck() {
    }

    static Result check(Attributes manifest, List<Offered> running) {
        List<Offered> offered = new ArrayList<>(running);
        offered.addAll(exports(manifest));
        List<String> missing = new ArrayList<>();
        int imports = 0;
        for (HeaderClause clause : HeaderClause.parse(manifest.getValue(Constants.IMPORT_PACKAGE))) {
            if (Constants.RESOLUTION_OPTIONAL.equals(clause.directive(Constants.RESOLUTION_DIRECTIVE))) {
                continue;
            }
            String range = clause.attribute(Constants.VERSION_ATTRIBUTE);
            VersionRange versions = new VersionRange(range == null ? "0.0.0" : range);
            for (String pkg : clause.names()) {
                imports++;
                boolean met = offered.stream().anyMatch(o -> PackageNamespace.PACKAGE_NAMESPACE.equals(o.namespace())
                        && pkg.equals(o.attributes().get(PackageNamespace.PACKAGE_NAMESPACE))
                        && versions.includes(version(o.attributes().get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE))));
                if (!met) {
                    missing.add("Import-Package " + pkg + ";version=\"" + versions + "\": no running bundle exports it");
                }
            }
        }
        int requirements = 0;
        for (HeaderClause clause : HeaderClause.parse(manifest.getValue(Constants.REQUIRE_CAPABILITY))) {
            String effective = clause.directive(Constants.EFFECTIVE_DIRECTIVE);
            if (Constants.RESOLUTION_OPTIONAL.equals(clause.directive(Constants.RESOLUTION_DIRECTIVE))
                    || (effective != null && !Constants.EFFECTIVE_RESOLVE.equals(effective))) {
                continue;
            }
            for (String namespace : clause.names()) {
                requirements++;
                String text = clause.directive(Constants.FILTER_DIRECTIVE);
                Filter filter = filter(text);
                boolean met = offered.stream().anyMatch(o -> namespace.equals(o.namespace())
                        && (filter == null || filter.matches(o.attributes())));
                if (!met) {
                    missing.add("Require-Capability " + namespace + (text == null ? "" : ";filter:=\"" + text + "\"")
                            + ": nothing running provides it");
                }
            }
        }
        return new Result(missing, imports, requirements);
    }

    /** The new bundle's own exports: it may import what it exports. */
    private static List<Offered> exports(Attributes manifest) {
        List<Offered> exports = new ArrayList<>();
        for (HeaderClause clause : HeaderClause.parse(manifest.getValue(Constants.EXPORT_PACKAGE))) {
            String version = clause.attribute(Constants.VERSION_ATTRIBUTE);
            for (String pkg : clause.names()) {
                exports.add(new Offered(PackageNamespace.PACKAGE_NAMESPACE, Map.of(
                        PackageNamespace.PACKAGE_NAMESPACE, pkg,
                        PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE, Version.parseVersion(version)), "the new bundle"));
            }
        }
        return exports;
    }

    private static Version version(Object value) {
        if (value instanceof Version v) {
            return v;
        }
        return value == null ? Version.emptyVersion : Version.parseVersion(value.toString());
    }

    private static Filter filter(String text) {
        if (text == null) {
            return null;
        }
        try {
            return FrameworkUtil.createFilter(text);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("the new bundle's Require-Capability filter " + text + " is invalid: "
                    + e.getMessage(), e);
        }
    }
}

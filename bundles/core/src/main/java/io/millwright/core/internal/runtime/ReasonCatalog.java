package io.millwright.core.internal.runtime;

import io.millwright.core.internal.model.ConfigRefusedException;
import io.millwright.core.internal.model.ReasonTree;
import java.time.Instant;
import java.util.Map;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** A site's reason codes, one file per site: {@code etc/io.millwright.reasons-<site>.cfg}. */
@Component(configurationPid = "io.millwright.reasons", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = ReasonCatalog.Config.class, factory = true)
public class ReasonCatalog {

    @ObjectClassDefinition(name = "Millwright downtime reasons", description = "A site's reason code tree")
    @interface Config {
        @AttributeDefinition(description = "Site id")
        String site();

        @AttributeDefinition(description = "CATEGORY=Text and CATEGORY.REASON=Text entries, separated by ';'")
        String reasons();

        @AttributeDefinition(required = false, description = "Categories that are setup/changeover, separated by ';'")
        String setupCategories() default "";
    }

    @Reference
    private MachineRuntime runtime;

    private String pid;
    private String site;

    @Activate
    void activate(Config config, Map<String, Object> properties) {
        pid = String.valueOf(properties.get(Constants.SERVICE_PID));
        apply(properties);
    }

    @Modified
    void modified(Config config, Map<String, Object> properties) {
        apply(properties);
    }

    @Deactivate
    void deactivate() {
        if (site != null) {
            runtime.removeReasons(site);
        }
        runtime.clearRefusal(pid);
    }

    private void apply(Map<String, Object> properties) {
        try {
            ReasonTree tree = ReasonTree.parse(properties);
            if (site != null && !site.equals(tree.site())) {
                runtime.removeReasons(site);
            }
            site = tree.site();
            runtime.clearRefusal(pid);
            runtime.addReasons(tree);
        } catch (ConfigRefusedException e) {
            if (site != null) {
                runtime.removeReasons(site);
                site = null;
            }
            runtime.refuse(new RefusedConfiguration(pid, MachineConfiguration.fileName(properties, pid), "reasons",
                    e.key(), e.value(), e.getMessage(), Instant.now()));
        }
    }
}

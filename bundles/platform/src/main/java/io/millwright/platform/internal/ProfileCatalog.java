package io.millwright.platform.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plant profiles: Millwright features whose description starts with {@value #MARKER}. A
 * profile is the bundle set a kind of plant installs ({@code millwright-minimal},
 * {@code millwright-demo}, ...), so the description after the marker says what it is for.
 */
@Component(service = ProfileCatalog.class)
public class ProfileCatalog {

    static final String MARKER = "Plant profile:";

    private static final Logger LOG = LoggerFactory.getLogger(ProfileCatalog.class);

    @Reference
    private FeaturesService features;

    public List<Feature> profiles() throws Exception {
        List<Feature> profiles = new ArrayList<>();
        for (Feature feature : features.listFeatures()) {
            if (isProfile(feature.getName(), feature.getDescription())) {
                profiles.add(feature);
            }
        }
        profiles.sort(Comparator.comparing(Feature::getName).thenComparing(Feature::getVersion));
        return profiles;
    }

    public boolean isInstalled(Feature profile) {
        return features.isInstalled(profile);
    }

    public String summary(Feature profile) {
        return profile.getDescription().substring(MARKER.length()).trim();
    }

    /**
     * Installs the named profile and says what happened. Karaf refreshes only the bundles whose
     * wiring the new features change; unrelated bundles keep running.
     */
    public String install(String name) throws Exception {
        List<Feature> profiles = profiles();
        Feature profile = profiles.stream().filter(p -> p.getName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no plant profile '" + name + "'; available: "
                        + profiles.stream().map(Feature::getName).distinct().collect(Collectors.joining(", "))));
        if (features.isInstalled(profile)) {
            return "Profile " + name + " " + profile.getVersion() + " is already installed";
        }
        String user = ShellUser.current();
        LOG.info("Installing plant profile {} {} for {}", name, profile.getVersion(), user);
        try {
            features.installFeature(profile, EnumSet.noneOf(FeaturesService.Option.class));
        } catch (Exception e) {
            LOG.error("Plant profile {} {} could not be installed for {}", name, profile.getVersion(), user, e);
            throw e;
        }
        LOG.info("Plant profile {} {} installed by {}", name, profile.getVersion(), user);
        return "Installed profile " + name + " " + profile.getVersion();
    }

    static boolean isProfile(String name, String description) {
        return name.startsWith("millwright-") && description != null && description.startsWith(MARKER);
    }
}

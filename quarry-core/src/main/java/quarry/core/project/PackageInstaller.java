package quarry.core.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import quarry.core.Diagnostics;

/**
 * {@code quarry deps}: installs the packages of packages.yml into the project's
 * {@code packages-install-path}, each under its own project name. Local packages are copied here;
 * remote ones (hub, git, tarball) are fetched by the given {@link RemoteFetcher}.
 */
public final class PackageInstaller {

    /** Fetches a remote package into a fresh folder, or throws a {@link ProjectException} that says why not. */
    public interface RemoteFetcher {
        Path fetch(PackageSpec spec, Path scratch);
    }

    private final RemoteFetcher remote;

    public PackageInstaller(RemoteFetcher remote) {
        this.remote = remote;
    }

    /** Installs every package; returns the names installed, in order. */
    public List<String> install(DbtProject root, List<PackageSpec> specs) throws IOException {
        Path installDir = root.root().resolve(root.packagesInstallPath());
        List<String> installed = new ArrayList<>();
        Files.createDirectories(installDir);
        for (PackageSpec spec : specs) {
            Path source;
            Path scratch = null;
            if (spec.kind() == PackageSpec.Kind.LOCAL) {
                source = root.root().resolve(spec.location()).normalize();
                if (!DbtProjectLoader.isProject(source)) {
                    throw new ProjectException(spec.where(), "local package '" + spec.location()
                            + "' has no dbt_project.yml (looked in " + source + ")");
                }
            } else {
                scratch = Files.createTempDirectory("quarry-deps");
                source = remote.fetch(spec, scratch);
                if (spec.subdirectory() != null) {
                    source = source.resolve(spec.subdirectory());
                }
            }
            DbtProject pkg = new DbtProjectLoader((text, where) -> text, new Diagnostics()).load(source);
            Path dest = installDir.resolve(pkg.name());
            if (Files.exists(dest)) {
                FileTrees.delete(dest);
            }
            Path skip = installDir.toAbsolutePath().normalize();
            FileTrees.copy(source, dest, dir -> {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                return name.equals(".git") || name.equals("target") || dir.toAbsolutePath().normalize().equals(skip);
            });
            if (scratch != null) {
                FileTrees.delete(scratch);
            }
            installed.add(pkg.name());
        }
        return installed;
    }

    /** A fetcher for builds without network access to packages: every remote package is an error saying so. */
    public static RemoteFetcher offline() {
        return (spec, scratch) -> {
            throw new ProjectException(spec.where(), spec.kind().name().toLowerCase(java.util.Locale.ROOT)
                    + " package '" + spec.location() + "' cannot be fetched without network access");
        };
    }
}

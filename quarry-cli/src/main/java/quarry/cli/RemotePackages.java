package quarry.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import quarry.core.project.PackageInstaller;
import quarry.core.project.PackageSpec;
import quarry.core.project.ProjectException;

/**
 * Fetches git packages with the {@code git} command and checks whether dbt's package hub can be
 * reached. Hub and tarball downloads are not built yet: when the network is out of reach the error
 * says so first, because that is what the user can act on.
 */
final class RemotePackages implements PackageInstaller.RemoteFetcher {

    @Override
    public Path fetch(PackageSpec spec, Path scratch) {
        return switch (spec.kind()) {
            case GIT -> git(spec, scratch);
            case HUB -> {
                probe(spec, "https://hub.getdbt.com/api/v1/" + spec.location() + ".json", "hub.getdbt.com");
                throw new ProjectException(spec.where(), "hub package '" + spec.location() + "': installing from the hub"
                        + " is not built yet; use a git: or local: package, or put it in dbt_packages/ yourself");
            }
            case TARBALL -> {
                probe(spec, spec.location(), URI.create(spec.location()).getHost());
                throw new ProjectException(spec.where(), "tarball package '" + spec.location()
                        + "': tarball installs are not built yet; unpack it into dbt_packages/ yourself");
            }
            case LOCAL -> throw new IllegalArgumentException("local packages are copied, not fetched");
        };
    }

    private static void probe(PackageSpec spec, String url, String host) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(8)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new ProjectException(spec.where(), "cannot reach " + host + " to install '" + spec.location() + "' ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "); check the network, or install the package into dbt_packages/ yourself");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProjectException(spec.where(), "interrupted while reaching " + host);
        } catch (IllegalArgumentException e) {
            throw new ProjectException(spec.where(), "'" + url + "' is not a URL");
        }
    }

    private static Path git(PackageSpec spec, Path scratch) {
        Path dest = scratch.resolve("repo");
        List<String> command = new ArrayList<>(List.of("git", "clone", "--quiet", "--depth", "1"));
        if (spec.version() != null) {
            command.addAll(List.of("--branch", spec.version()));
        }
        command.addAll(List.of(spec.location(), dest.toString()));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.waitFor() != 0) {
                String last = output.isEmpty() ? "git failed" : output.lines().reduce((a, b) -> b).orElse(output);
                throw new ProjectException(spec.where(), "cannot clone git package '" + spec.location() + "': " + last);
            }
            return dest;
        } catch (IOException e) {
            throw new ProjectException(spec.where(), "cannot run git to install '" + spec.location() + "': " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProjectException(spec.where(), "interrupted while cloning " + spec.location());
        }
    }
}

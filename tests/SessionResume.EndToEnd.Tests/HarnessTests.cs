using System.IO.Compression;
using SessionResume.Tests.Infrastructure;

namespace SessionResume.Tests;

/// <summary>The harness itself: the package is packed once and a throwaway repository builds with it.</summary>
public class HarnessTests
{
    [Fact]
    public void Pack_produces_the_package_with_its_task_assembly_and_a_throwaway_repository_builds_with_it()
    {
        var env = E2EEnvironment.Instance;
        var nupkg = Path.Combine(env.FeedDirectory, $"SessionResume.Build.{env.PackageVersion}.nupkg");
        Check.That(File.Exists(nupkg), env.PackResult.ToString());
        using (var zip = ZipFile.OpenRead(nupkg))
        {
            var entries = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Contains(entries, e => e.StartsWith("build/", StringComparison.Ordinal) && e.EndsWith(".targets", StringComparison.Ordinal));
            Assert.Contains(entries, e => e.EndsWith("/SessionResume.Build.dll", StringComparison.Ordinal));
            Assert.Contains(entries, e => e.EndsWith("/System.IO.Hashing.dll", StringComparison.Ordinal));
        }

        using var repo = ThrowawayRepo.Create();
        var project = repo.AddClassLibrary("Lib", "Clean.cs", Sources.Clean("Lib"));
        var build = repo.Build(project);
        Check.That(build.Succeeded, repo.Describe());
        // The restore really took the package from this run's feed into this run's package folder.
        Check.That(Directory.Exists(Path.Combine(env.PackagesDirectory, "sessionresume.build", env.PackageVersion)),
            $"The package was not restored into {env.PackagesDirectory}.\n{repo.Describe()}");
    }
}

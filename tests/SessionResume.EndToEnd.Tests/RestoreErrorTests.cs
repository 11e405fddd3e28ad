using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SessionResume.Tests.Infrastructure;
using static SessionResume.Tests.Infrastructure.StateJson;

namespace SessionResume.Tests;

/// <summary>
/// A failed restore stops the build before any target of the package runs. Its NU errors reach the
/// state from NuGet's own record (obj/project.nuget.cache): at the next SessionRestore, or the next
/// build. The oracle is NuGet's error line in the build output.
/// </summary>
public class RestoreErrorTests
{
    const string Project = "src/Lib/Lib.csproj";
    const string MissingPackage = """<ItemGroup><PackageReference Include="Does.Not.Exist.SessionResume" Version="1.0.0" /></ItemGroup>""";

    static JsonArray Unresolved(ThrowawayRepo repo) => repo.ReadState()["errors"]?["unresolved"]?.AsArray() ?? [];

    /// <summary>A library built once with the package, then given a PackageReference that cannot restore; returns its clean text.</summary>
    static string BuiltThenBroken(ThrowawayRepo repo)
    {
        repo.AddClassLibrary("Lib", "Clean.cs", Sources.Clean("Lib"));
        Check.That(repo.Build(Project).Succeeded, repo.Describe());
        var clean = repo.ReadFile(Project);
        repo.WriteFile(Project, clean.Replace("</Project>", MissingPackage + "\n</Project>", StringComparison.Ordinal));
        return clean;
    }

    [Fact]
    public void A_missing_package_is_shown_by_the_next_restore_summary_and_resolved_by_the_next_good_restore()
    {
        using var repo = ThrowawayRepo.Create(nameof(A_missing_package_is_shown_by_the_next_restore_summary_and_resolved_by_the_next_good_restore));
        var clean = BuiltThenBroken(repo);
        var failed = repo.Build(Project);
        // The oracle: NuGet's own line, "…/Lib.csproj : error NU1101: Unable to find package … [ …]".
        var nuget = Regex.Match(failed.Output, @"error (NU1101): (Unable to find package Does\.Not\.Exist\.SessionResume\.[^\r\n]*?)(?: \[[^\]]*\])?\r?$",
            RegexOptions.Multiline);
        Check.That(failed.ExitCode != 0 && nuget.Success, repo.Describe(failed));

        var restore = repo.MSBuild(Project, "SessionRestore");
        var context = repo.Describe(restore);
        var expected = $"❌ Last build failed: {Project} — NU1101 in {Project}: Unable to find package Does.Not.Exist.SessionResume.";
        Check.That(restore.Succeeded && restore.Output.Contains(expected, StringComparison.Ordinal), $"Expected '{expected}'.\n{context}");
        var entry = Assert.Single(Unresolved(repo), e => Str(e, "code") == "NU1101")!;
        Check.That(Str(entry, "origin") == "restore" && Str(entry, "project") == Project && Str(entry, "error") == nuget.Groups[2].Value.Trim(),
            $"Expected NuGet's message '{nuget.Groups[2].Value}'.\n{Show(entry)}");
        Check.That(Str(repo.ReadState()["build"]?["projects"]?[Project], "outcome") == "failed", repo.ReadStateText());

        // Read again: the same restore is not counted twice.
        var before = repo.ReadStateText();
        repo.MSBuild(Project, "SessionRestore");
        Check.That(repo.ReadStateText() == before, "A second SessionRestore changed the state.\n" + repo.ReadStateText());

        // Fixed: the next build restores, compiles and records; the restore error is resolved.
        repo.WriteFile(Project, clean);
        var fixedBuild = repo.Build(Project);
        Check.That(fixedBuild.Succeeded, repo.Describe(fixedBuild));
        Check.That(Unresolved(repo).All(e => Str(e, "code") != "NU1101"), repo.ReadStateText());
        var resolved = repo.ReadState()["errors"]?["resolved"]?.AsArray().FirstOrDefault(r => Str(r, "code") == "NU1101");
        Check.That(Str(resolved, "resolution") == "A later restore succeeded.", repo.ReadStateText());
        var after = repo.MSBuild(Project, "SessionRestore");
        Check.Not(after.Output.Contains("❌ Last build", StringComparison.Ordinal) || after.Output.Contains("NU1101", StringComparison.Ordinal),
            repo.Describe(after));
    }

    [Fact]
    public void A_build_without_restore_after_a_failed_restore_is_shown_with_the_restores_error()
    {
        using var repo = ThrowawayRepo.Create(nameof(A_build_without_restore_after_a_failed_restore_is_shown_with_the_restores_error));
        BuiltThenBroken(repo);
        Check.That(repo.Restore(Project).ExitCode != 0, repo.Describe());

        // Built without restoring (an IDE, or --no-restore): the SDK reports the assets file's errors
        // before the package's targets can see the build's end.
        var build = repo.Rebuild(Project);
        Check.That(build.ExitCode != 0 && build.Output.Contains("error NU1101", StringComparison.Ordinal), repo.Describe(build));

        var restore = repo.MSBuild(Project, "SessionRestore");
        var expected = $"❌ Last build did not finish: {Project} — NU1101 in {Project}: Unable to find package Does.Not.Exist.SessionResume.";
        Check.That(restore.Output.Contains(expected, StringComparison.Ordinal), $"Expected '{expected}'.\n{repo.Describe(restore)}");
        Check.That(Unresolved(repo).Any(e => Str(e, "code") == "NU1101" && Str(e, "origin") == "restore"), repo.ReadStateText());
    }
}

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SessionResume.Tests.Infrastructure;
using static SessionResume.Tests.Infrastructure.StateJson;

namespace SessionResume.Tests;

/// <summary>
/// Full capture: `dotnet msbuild -t:SessionSetup` puts the package's logger in Directory.Build.rsp,
/// and every error of a command-line build reaches the state with its file and line, also the ones
/// no target of the package can see. The oracle is MSBuild's own error line in the build output.
/// </summary>
public class FullCaptureTests
{
    const string Project = "src/Lib/Lib.csproj";
    const string Rsp = "Directory.Build.rsp";

    static ThrowawayRepo SetUpRepo(string name)
    {
        var repo = ThrowawayRepo.Create(name);
        repo.AddClassLibrary("Lib", "Clean.cs", Sources.Clean("Lib"));
        Check.That(repo.Build(Project).Succeeded, repo.Describe());
        var setup = repo.MSBuild(Project, "SessionSetup");
        Check.That(setup.Succeeded && setup.Output.Contains($"full capture set up in {Rsp}", StringComparison.Ordinal), repo.Describe(setup));
        return repo;
    }

    static JsonNode? Entry(ThrowawayRepo repo, string code) =>
        (repo.ReadState()["errors"]?["unresolved"]?.AsArray() ?? []).FirstOrDefault(e => Str(e, "code") == code);

    /// <summary>MSBuild's own line for an error: "PATH(LINE,COL): error CODE: MESSAGE [PROJECT]", or without a place.</summary>
    static Match ErrorLine(CommandResult build, string code) =>
        Regex.Match(build.Output, $@"^\s*(?<file>[^\s(][^(\r\n]*?)(?:\((?<line>\d+),(?<col>\d+)\))?\s*: error {code}: (?<message>.*?)(?: \[[^\]]*\])?\r?$",
            RegexOptions.Multiline);

    static void AddToProject(ThrowawayRepo repo, string xml) =>
        repo.WriteFile(Project, repo.ReadFile(Project).Replace("</Project>", xml + "\n</Project>", StringComparison.Ordinal));

    [Fact]
    public void SessionSetup_twice_changes_nothing_and_the_remove_gives_back_the_original_bytes()
    {
        using var repo = ThrowawayRepo.Create(nameof(SessionSetup_twice_changes_nothing_and_the_remove_gives_back_the_original_bytes));
        repo.AddClassLibrary("Lib", "Clean.cs", Sources.Clean("Lib"));
        Check.That(repo.Restore(Project).Succeeded, repo.Describe());

        // No rsp yet: it is created, once, and the remove deletes it.
        Check.That(repo.MSBuild(Project, "SessionSetup").Output.Contains($"set up in {Rsp}", StringComparison.Ordinal), repo.Describe());
        var written = repo.ReadFile(Rsp);
        Check.That(written.Contains("-logger:SessionResume.Build.FullCaptureLogger,", StringComparison.Ordinal)
                   && written.Contains(",IsOptional;root=%MSBuildThisFileDirectory%", StringComparison.Ordinal)
                   // The suite's isolated NuGet folder: the path is written through the variable, so the file can be shared.
                   && written.Contains("%NUGET_PACKAGES%", StringComparison.Ordinal), written);
        Check.That(repo.MSBuild(Project, "SessionSetup").Output.Contains("already set up", StringComparison.Ordinal), repo.Describe());
        Check.That(repo.ReadFile(Rsp) == written, "A second SessionSetup changed the file.");
        var removed = repo.MSBuild(Project, "SessionSetup", "-p:SessionSetupRemove=true");
        Check.That(removed.Succeeded && !repo.FileExists(Rsp), repo.Describe(removed));

        // The user's own rsp (no final line break): its bytes come back exactly.
        const string own = "# my switches\n-p:Deterministic=true\n-m:1";
        repo.WriteFile(Rsp, own);
        repo.MSBuild(Project, "SessionSetup");
        Check.That(repo.ReadFile(Rsp).EndsWith(own, StringComparison.Ordinal) && repo.ReadFile(Rsp) != own, repo.ReadFile(Rsp));
        var build = repo.Build(Project);
        Check.That(build.Succeeded, "The build with the block and the user's switches failed.\n" + repo.Describe(build));
        repo.MSBuild(Project, "SessionSetup", "-p:SessionSetupRemove=true");
        Check.That(repo.ReadFile(Rsp) == own, $"Expected the original bytes back, got:\n{repo.ReadFile(Rsp)}");
        Check.That(repo.MSBuild(Project, "SessionSetup", "-p:SessionSetupRemove=true").Output.Contains("nothing to remove", StringComparison.Ordinal),
            repo.Describe());
    }

    [Fact]
    public void A_task_error_after_Build_is_recorded_with_its_file_and_line_and_a_compiler_error_stays_one_entry()
    {
        using var repo = SetUpRepo(nameof(A_task_error_after_Build_is_recorded_with_its_file_and_line_and_a_compiler_error_stays_one_entry));

        // The compiler's error is seen by the SARIF log and by the logger: one entry.
        repo.WriteFile("src/Lib/Broken.cs", Sources.Calculator(Sources.BrokenStatement));
        var broken = repo.Build(Project);
        Check.That(broken.ExitCode != 0, repo.Describe(broken));
        var compilerErrors = Regex.Matches(broken.Output, @"Broken\.cs\((\d+),\d+\): error (CS\d+)").Select(m => m.Value).Distinct().Count();
        var entries = (repo.ReadState()["errors"]?["unresolved"]?.AsArray() ?? []).Count;
        Check.That(compilerErrors > 0 && entries == compilerErrors, $"{compilerErrors} compiler errors, {entries} entries.\n{repo.ReadStateText()}");
        repo.WriteFile("src/Lib/Broken.cs", Sources.Clean("Lib", "Broken"));

        AddToProject(repo, """<Target Name="CopyMissing" AfterTargets="Build"><Copy SourceFiles="does-not-exist.txt" DestinationFolder="$(OutDir)" /></Target>""");
        var failed = repo.Build(Project);
        var line = ErrorLine(failed, "MSB3030");
        Check.That(failed.ExitCode != 0 && line.Success, repo.Describe(failed));

        var entry = Entry(repo, "MSB3030");
        Check.That(Str(entry, "file") == Project && Int(entry, "line") == int.Parse(line.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture)
                   && Str(entry, "error") == line.Groups["message"].Value.Trim() && Str(entry, "origin") == "build",
            $"Expected MSB3030 at {Project} line {line.Groups["line"].Value}.\n{Show(entry)}\n{repo.Describe(failed)}");
        var restore = repo.MSBuild(Project, "SessionRestore");
        var expected = $"❌ Last build failed: {Project} — MSB3030 in {Project} line {line.Groups["line"].Value}: Could not copy";
        Check.That(restore.Output.Contains(expected, StringComparison.Ordinal), $"Expected '{expected}'.\n{repo.Describe(restore)}");

        repo.WriteFile(Project, repo.ReadFile(Project).Replace("does-not-exist.txt", "Clean.cs", StringComparison.Ordinal));
        var fixedBuild = repo.Build(Project);
        Check.That(fixedBuild.Succeeded && Entry(repo, "MSB3030") is null, repo.Describe(fixedBuild) + "\n" + repo.ReadStateText());
        Check.Not(repo.MSBuild(Project, "SessionRestore").Output.Contains("❌ Last build", StringComparison.Ordinal), repo.Describe());
    }

    [Theory]
    [InlineData("NETSDK1045")]
    [InlineData("MSB4025")]
    [InlineData("NU1101")]
    public void An_error_before_the_build_starts_is_recorded_by_the_build_itself(string code)
    {
        using var repo = SetUpRepo(nameof(An_error_before_the_build_starts_is_recorded_by_the_build_itself) + "_" + code);
        var clean = repo.ReadFile(Project);
        repo.WriteFile(Project, code switch
        {
            // A framework this SDK does not know; a project file that is not XML; a package that does not exist.
            "NETSDK1045" => clean.Replace("<TargetFramework>net10.0</TargetFramework>", "<TargetFramework>net11.0</TargetFramework>", StringComparison.Ordinal),
            "MSB4025" => clean.Replace("</Project>", "<ItemGroup>\n", StringComparison.Ordinal),
            _ => clean.Replace("</Project>", """<ItemGroup><PackageReference Include="Does.Not.Exist.SessionResume" Version="1.0.0" /></ItemGroup></Project>""",
                StringComparison.Ordinal),
        });
        var failed = repo.Build(Project);
        var line = ErrorLine(failed, code);
        Check.That(failed.ExitCode != 0 && line.Success, repo.Describe(failed));

        // No SessionRestore in between: the build's own logger recorded it.
        var entry = Entry(repo, code);
        Check.That(entry is not null && Str(entry, "project") == Project && Str(entry, "error") == line.Groups["message"].Value.Trim(),
            $"Expected {code} with MSBuild's message '{line.Groups["message"].Value}'.\n{repo.ReadStateText()}");
        Check.That(Str(repo.ReadState()["build"]?["projects"]?[Project], "outcome") == "failed", repo.ReadStateText());
        // MSBuild cannot load a project file that is not XML, so SessionRestore cannot run on it.
        if (code != "MSB4025")
        {
            var restore = repo.MSBuild(Project, "SessionRestore");
            Check.That(restore.Output.Contains($"❌ Last build failed: {Project} — {code} in ", StringComparison.Ordinal), repo.Describe(restore));
        }

        repo.WriteFile(Project, clean);
        var fixedBuild = repo.Build(Project);
        Check.That(fixedBuild.Succeeded && Entry(repo, code) is null, repo.Describe(fixedBuild) + "\n" + repo.ReadStateText());
        Check.That(Str(repo.ReadState()["build"]?["projects"]?[Project], "outcome") == "succeeded", repo.ReadStateText());
    }

    [Fact]
    public void A_logger_that_cannot_write_or_cannot_be_loaded_never_changes_the_builds_result()
    {
        using var repo = SetUpRepo(nameof(A_logger_that_cannot_write_or_cannot_be_loaded_never_changes_the_builds_result));

        // The state path is a folder: nothing can be written there.
        File.Delete(repo.StatePath);
        Directory.CreateDirectory(repo.StatePath);
        var clean = repo.Build(Project);
        Check.That(clean.Succeeded, repo.Describe(clean));
        AddToProject(repo, """<Target Name="CopyMissing" AfterTargets="Build"><Copy SourceFiles="does-not-exist.txt" DestinationFolder="$(OutDir)" /></Target>""");
        var failed = repo.Build(Project);
        Check.That(failed.ExitCode == 1 && ErrorLine(failed, "MSB3030").Success, repo.Describe(failed));
        Check.Not(Regex.IsMatch(failed.Output, "MSB401[5-7]|logger failed", RegexOptions.IgnoreCase), "The logger failed the build.\n" + repo.Describe(failed));
        Check.That(failed.Output.Contains("warning SR0", StringComparison.Ordinal), "Expected the package's one SR warning.\n" + repo.Describe(failed));

        // A clone where the version the block names is not restored: MSBuild skips the logger and builds.
        Directory.Delete(repo.StatePath);
        var rsp = repo.ReadFile(Rsp);
        repo.WriteFile(Rsp, Regex.Replace(rsp, @"sessionresume\.build[\\/][^\\/]+[\\/]", "sessionresume.build/0.0.0-not-restored/", RegexOptions.IgnoreCase));
        var skipped = repo.Build(Project);
        Check.That(skipped.ExitCode == 1 && skipped.Output.Contains("could not be created and will not be used", StringComparison.Ordinal),
            repo.Describe(skipped));
        repo.WriteFile(Project, repo.ReadFile(Project).Replace("does-not-exist.txt", "Clean.cs", StringComparison.Ordinal));
        Check.That(repo.Build(Project).Succeeded, repo.Describe());
    }
}

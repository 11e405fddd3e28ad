using System.Text.Json.Nodes;
using SessionResume.Tests.Infrastructure;
using static SessionResume.Tests.Infrastructure.StateJson;

namespace SessionResume.Tests;

public class IncrementalBuildTests
{
    [Fact]
    public void A_no_change_build_after_a_successful_build_with_a_warning_leaves_the_state_as_it_was()
    {
        using var repo = ThrowawayRepo.Create();
        var project = repo.AddClassLibrary("Lib", "Unused.cs", Sources.UnusedVariable("Lib"));

        var first = repo.Build(project);
        Check.That(first.Succeeded, repo.Describe());
        Assert.Contains("warning CS0168", first.Output);
        var before = repo.ReadState();
        Check.That(Unresolved(before).Count == 0, repo.Describe());
        Check.That(repo.ReadStateText().Contains("CS0168", StringComparison.Ordinal),
            "The warning is recorded in the state.\n" + repo.Describe());

        var second = repo.Rebuild(project);
        Check.That(second.Succeeded, repo.Describe());
        var after = repo.ReadState();
        var context = $"--- before ---\n{Show(before)}\n{repo.Describe()}";
        Check.That(JsonNode.DeepEquals(before["errors"], after["errors"]), "errors changed.\n" + context);
        Check.That(JsonNode.DeepEquals(before["warnings"], after["warnings"]), "warnings changed.\n" + context);
        Check.That(repo.ReadStateText().Contains("CS0168", StringComparison.Ordinal), "The warning must still be recorded.\n" + context);
    }

    /// <summary>
    /// F# writes no SARIF log. Expecting one made every F# build compile again; now a second build
    /// skips CoreCompile exactly when it does without the package (MSBuild's own log is the oracle).
    /// </summary>
    [Fact]
    public void An_fsharp_project_builds_incrementally_as_it_does_without_the_package()
    {
        using var repo = ThrowawayRepo.Create();
        using var twin = ThrowawayRepo.Create(nameof(An_fsharp_project_builds_incrementally_as_it_does_without_the_package) + "-without");
        twin.UsePackage(null);
        foreach (var r in new[] { repo, twin })
        {
            r.WriteFile("src/F/F.fsproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                  </PropertyGroup>
                  <ItemGroup>
                    <Compile Include="Library.fs" />
                  </ItemGroup>
                </Project>
                """);
            r.WriteFile("src/F/Library.fs", "module Library\n\nlet answer = 42\n");
            Check.That(r.Build("src/F/F.fsproj").Succeeded, r.Describe());
        }

        const string skipped = "Skipping target \"CoreCompile\" because all output files are up-to-date";
        var baseline = twin.Rebuild("src/F/F.fsproj", "-v:d");
        var second = repo.Rebuild("src/F/F.fsproj", "-v:d");
        Check.That(baseline.Succeeded && baseline.Output.Contains(skipped, StringComparison.Ordinal), twin.Describe(baseline));
        Check.That(second.Succeeded && second.Output.Contains(skipped, StringComparison.Ordinal), repo.Describe(second));
    }

    /// <summary>A changed setting is captured again without a compile: here, another state file.</summary>
    [Fact]
    public void A_changed_state_file_property_captures_the_build_again_without_compiling()
    {
        using var repo = ThrowawayRepo.Create();
        var project = repo.AddClassLibrary("Lib", "Unused.cs", Sources.UnusedVariable("Lib"));
        Check.That(repo.Build(project).Succeeded, repo.Describe());
        Check.That(repo.ReadStateText().Contains("CS0168", StringComparison.Ordinal), repo.Describe());

        var second = repo.Rebuild(project, "-p:SessionResumeStateFile=other-state.json", "-v:d");
        Check.That(second.Succeeded, repo.Describe(second));
        Check.That(second.Output.Contains("Skipping target \"CoreCompile\"", StringComparison.Ordinal), "The second build compiled.\n" + repo.Describe(second));
        var other = repo.FullPath("other-state.json");
        Check.That(File.Exists(other) && File.ReadAllText(other).Contains("CS0168", StringComparison.Ordinal),
            "The new state file does not hold the build.\n" + repo.Describe(second));
    }
}

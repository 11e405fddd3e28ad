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
}

using SessionResume.Tests.Infrastructure;
using static SessionResume.Tests.Infrastructure.StateJson;

namespace SessionResume.Tests;

public class MultiTargetingTests
{
    [Fact]
    public void An_error_in_a_multi_targeted_project_is_one_entry_listing_both_target_frameworks()
    {
        using var repo = ThrowawayRepo.Create();
        var project = repo.AddClassLibrary("Lib", "Calculator.cs", Sources.Calculator(Sources.BrokenStatement), "net8.0;net10.0");

        var build = repo.Build(project);
        Check.That(build.ExitCode != 0, repo.Describe());
        // Both inner builds really compiled (and failed).
        Assert.Contains("error CS0029", build.Output);

        var unresolved = Unresolved(repo.ReadState());
        Check.That(unresolved.Count == 1, $"Expected one entry for the one problem, found {unresolved.Count}.\n{repo.Describe()}");
        var entry = unresolved[0];
        var context = Show(entry) + "\n" + repo.Describe();
        Check.That(Str(entry, "code") == "CS0029", context);
        Check.That(Str(entry, "project") == project, context);
        var frameworks = Strings(entry, "target_frameworks");
        Check.That(frameworks.Contains("net8.0") && frameworks.Contains("net10.0") && frameworks.Count == 2,
            "target_frameworks must list net8.0 and net10.0.\n" + context);
    }
}

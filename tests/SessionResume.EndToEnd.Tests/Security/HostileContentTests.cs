using SessionResume.Tests.Infrastructure;

namespace SessionResume.Tests.Security;

/// <summary>Test output with escape sequences, control and bidi characters and a 100 KB line, from a project whose path has spaces and non-ASCII letters.</summary>
public class HostileContentTests
{
    const string HostileTest = """
        namespace Hostile.Tests;

        public class NoisyTests
        {
            [Fact]
            public void Prints_everything_a_terminal_should_not_see() =>
                Assert.Fail("\u001b[31mred\u001b[0m \u001b]0;title\u0007 bell\u0007 nul\0 rtl\u202Eoverride\u202C end " + new string('x', 100_000));
        }
        """;

    [Fact]
    public void Hostile_failure_text_is_stored_clean_and_short_and_the_restore_prints_no_escape_sequence()
    {
        using var repo = ThrowawayRepo.Create();
        var project = repo.AddXunitTestProject("Hostile Tésts", new Dictionary<string, string> { ["Noisy Tests.cs"] = HostileTest });
        repo.Test(project);
        Check.That(repo.StateExists, repo.Describe());

        var text = repo.ReadStateText();
        Check.Not(text.Contains('\u001b') || text.Contains("\\u001B", StringComparison.OrdinalIgnoreCase), $"An escape character reached the state.\n{repo.Describe()}");
        Check.Not(text.Contains("\\u0000", StringComparison.Ordinal) || text.Contains("\\u202E", StringComparison.OrdinalIgnoreCase) || text.Contains('\u202E'), repo.Describe());
        Check.That(text.Length < 64 * 1024, $"The state is {text.Length} chars for one failing test.\n{repo.Describe()}");

        var failure = repo.ReadState()["tests"]!["failures"]!.AsArray().Single()!;
        var message = StateJson.Str(failure, "message")!;
        Check.That(message.Contains("red  bell nul rtloverride end", StringComparison.Ordinal), $"message: {message}\n{repo.Describe()}");
        Check.That(message.Contains("more chars]", StringComparison.Ordinal), $"message: {message}");
        Check.That(StateJson.Str(failure, "file") == "tests/Hostile Tésts/Noisy Tests.cs", repo.Describe());
        Check.That(StateJson.Str(failure, "path")!.StartsWith("tests/Hostile Tésts/Noisy Tests.cs:", StringComparison.Ordinal), repo.Describe());

        var restore = repo.MSBuild(project, "SessionRestore");
        Check.That(restore.Succeeded, repo.Describe());
        Check.Not(restore.Output.Contains('\u001b'), $"The restore printed an escape character.\n{restore.Output}");
    }
}

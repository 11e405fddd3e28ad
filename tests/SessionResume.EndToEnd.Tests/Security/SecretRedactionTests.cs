using SessionResume.Tests.Infrastructure;

namespace SessionResume.Tests.Security;

/// <summary>Secrets in compiler and test output never reach the state, the history or the digest, and do not move fingerprints.</summary>
public class SecretRedactionTests
{
    // Real-shaped, made-up tokens, assembled at run time so no scanner mistakes this file for a leak.
    static readonly string GitHubToken = "ghp_" + new string('A', 10) + "b1C2d3E4f5G6h7I8j9K0l1M2n3";
    static readonly string OtherGitHubToken = "ghp_" + new string('Z', 10) + "y9X8w7V6u5T4s3R2q1P0o9N8m7";

    static string FailingTest(string token) => $$"""
        namespace Secrets.Tests;

        public class ApiTests
        {
            [Fact]
            public void Uses_the_configured_token() => Assert.Equal("{{token}}", "placeholder");
        }
        """;

    [Fact]
    public void A_token_in_a_failure_message_is_redacted_everywhere_and_a_rotated_token_keeps_the_fingerprint()
    {
        using var repo = ThrowawayRepo.Create();
        var project = repo.AddXunitTestProject("Secrets.Tests", new Dictionary<string, string> { ["ApiTests.cs"] = FailingTest(GitHubToken) });
        var run = repo.Test(project);
        Check.That(run.ExitCode != 0 && repo.StateExists, repo.Describe());

        var state = repo.ReadStateText();
        Check.Not(state.Contains(GitHubToken, StringComparison.Ordinal), $"The token reached the state.\n{repo.Describe()}");
        Check.That(state.Contains("[REDACTED:github-token]", StringComparison.Ordinal), repo.Describe());
        var failure = repo.ReadState()["tests"]!["failures"]!.AsArray().Single()!;
        var fingerprint = StateJson.Str(failure, "failure_fingerprint");

        // The token changes (rotated); the failure is the same problem.
        repo.WriteFile("tests/Secrets.Tests/ApiTests.cs", FailingTest(OtherGitHubToken));
        repo.Test(project);
        var again = repo.ReadState()["tests"]!["failures"]!.AsArray().Single()!;
        Check.That(StateJson.Str(again, "failure_fingerprint") == fingerprint, repo.Describe());
        Check.That(StateJson.Int(again, "attempts") == 2, repo.Describe());

        var save = repo.MSBuild(project, "SessionSave", "-p:SessionNotes=deploy with " + OtherGitHubToken);
        Check.That(save.Succeeded, repo.Describe());
        var restore = repo.MSBuild(project, "SessionRestore");
        foreach (var (name, text) in new[]
        {
            ("state", repo.ReadStateText()),
            ("archive", File.ReadAllText(Directory.GetFiles(repo.FullPath(".session-history"), "*.json").Single())),
            ("summaries.md", repo.ReadFile("token-cache/summaries.md")),
            ("SessionRestore output", restore.Output),
            ("SessionSave output", save.Output),
        })
        {
            Check.Not(text.Contains(GitHubToken, StringComparison.Ordinal) || text.Contains(OtherGitHubToken, StringComparison.Ordinal),
                $"A token reached the {name}.\n{repo.Describe()}");
        }
    }
}

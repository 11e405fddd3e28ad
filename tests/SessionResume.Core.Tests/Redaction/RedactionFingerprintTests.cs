using SessionResume.Common;
using SessionResume.Fingerprints;
using SessionResume.Redaction;
using Xunit.Abstractions;

namespace SessionResume.Tests.Redaction;

/// <summary>
/// "Redaction must not change fingerprints from one run to the next." The same message with a
/// different secret of the same kind (a rotated token, a per-run SAS or JWT) must be the same problem.
/// </summary>
public class RedactionFingerprintTests(ITestOutputHelper output)
{
    const string Root = "/home/b/work/repo";

    static string Diagnostic(string message) =>
        Fingerprint.ForDiagnostic(Fingerprint.BuildTool, "CS0000", "src/App/Settings.cs", message, Root);

    static string TestFailure(string message) =>
        Fingerprint.ForTestFailure("System.InvalidOperationException", message, "App.Tests.SettingsTests.Loads in tests/App.Tests/SettingsTests.cs", Root);

    static IEnumerable<(Sample First, Sample Second)> Pairs() => SecretSamples.All(seed: 1).Zip(SecretSamples.All(seed: 2));

    [Fact]
    public void Redacting_before_fingerprinting_makes_every_kind_independent_of_the_secret()
    {
        output.WriteLine($"{"kind",-24} {"raw: same fp",12} {"redacted: same fp",17}");
        foreach (var (first, second) in Pairs())
        {
            var raw = Diagnostic(first.Text) == Diagnostic(second.Text);
            var redacted = Diagnostic(SecretRedactor.Redact(first.Text)) == Diagnostic(SecretRedactor.Redact(second.Text));
            output.WriteLine($"{first.Kind,-24} {raw,12} {redacted,17}");
        }
        Assert.All(Pairs(), p =>
        {
            Assert.Equal(Diagnostic(SecretRedactor.Redact(p.First.Text)), Diagnostic(SecretRedactor.Redact(p.Second.Text)));
            Assert.Equal(TestFailure(SecretRedactor.Redact(p.First.Text)), TestFailure(SecretRedactor.Redact(p.Second.Text)));
        });
    }

    /// <summary>
    /// Today's finding, kept as a test so that it is noticed when it changes: the message normaliser
    /// masks GUIDs, hex runs, numbers and URLs but not tokens, keys or passwords, so without redaction
    /// most messages carrying a secret get a new fingerprint whenever the secret changes. That is why
    /// the capture must redact a message before it is fingerprinted, not only before it is written.
    /// If this fails because the normaliser learned to mask secrets, update the integration note.
    /// </summary>
    [Fact]
    public void Without_redaction_the_fingerprint_carries_the_secret()
    {
        var differing = Pairs().Where(p => Diagnostic(p.First.Text) != Diagnostic(p.Second.Text)).Select(p => p.First.Kind).Distinct().ToList();
        var stable = Pairs().Where(p => Diagnostic(p.First.Text) == Diagnostic(p.Second.Text)).Select(p => $"{p.First.Kind}: {p.First.Text}").ToList();
        output.WriteLine("raw fingerprint differs for: " + string.Join(", ", differing));
        output.WriteLine("raw fingerprint already stable for:\n  " + string.Join("\n  ", stable));

        foreach (var kind in new[] { "aws-access-key", "github-token", "password", "jwt", "private-key", "api-key", "azure-connection-string" })
            Assert.Contains(kind, differing);
    }

    [Theory]
    [MemberData(nameof(SecretRedactorTests.NearMisses), MemberType = typeof(SecretRedactorTests))]
    public void Redaction_leaves_the_fingerprint_of_an_ordinary_message_as_it_was(string what, string text)
    {
        // So that redacting in the capture path re-identifies no existing entry without a secret.
        Assert.Equal(Diagnostic(text), Diagnostic(SecretRedactor.Redact(text)));
        Assert.Equal(TestFailure(text), TestFailure(SecretRedactor.Redact(text)));
        Assert.NotNull(what);
    }

    [Fact]
    public void The_marker_survives_normalisation_so_different_kinds_stay_different_problems()
    {
        var normalized = MessageNormalizer.Normalize("Login failed: Password=[REDACTED:password] and token [REDACTED:github-token]", Root);

        Assert.Equal("Login failed: Password=[REDACTED:password] and token [REDACTED:github-token]", normalized);
        Assert.NotEqual(Diagnostic("Access denied: [REDACTED:github-token]"), Diagnostic("Access denied: [REDACTED:gitlab-token]"));
    }

    [Fact]
    public void Test_identity_is_not_redacted_so_data_rows_with_different_secrets_stay_different_tests()
    {
        // docs/fingerprints.md: Add(1,2) and Add(2,3) are different tests. Two rows whose arguments are
        // made-up tokens of one kind would become one test if the display name were redacted first.
        var first = $"App.Tests.TokenTests.Rejects(token: \"ghp_{Fake.Of(Fake.Alnum, 36, 1)}\")";
        var second = $"App.Tests.TokenTests.Rejects(token: \"ghp_{Fake.Of(Fake.Alnum, 36, 2)}\")";

        Assert.Equal(SecretRedactor.Redact(first), SecretRedactor.Redact(second));
        Assert.NotEqual(
            Fingerprint.ForTest("App.Tests", "App.Tests.TokenTests.Rejects", first),
            Fingerprint.ForTest("App.Tests", "App.Tests.TokenTests.Rejects", second));
    }
}

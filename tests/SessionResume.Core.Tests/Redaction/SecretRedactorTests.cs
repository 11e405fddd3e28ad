using SessionResume.Redaction;
using Xunit.Abstractions;

namespace SessionResume.Tests.Redaction;

public class SecretRedactorTests(ITestOutputHelper output)
{
    public static TheoryData<string, string, string> Samples()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var s in SecretSamples.All()) data.Add(s.Kind, s.Secret, s.Text);
        return data;
    }

    public static TheoryData<string, string> NearMisses()
    {
        var data = new TheoryData<string, string>();
        foreach (var n in SecretSamples.NearMisses) data.Add(n.What, n.Text);
        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Replaces_exactly_the_secret_with_its_kind(string kind, string secret, string text)
    {
        var expected = new Sample(kind, secret, text).Expected;
        Assert.Equal(expected, SecretRedactor.Redact(text));
        Assert.True(SecretRedactor.ContainsSecret(text));
    }

    [Theory]
    [MemberData(nameof(NearMisses))]
    public void Leaves_a_near_miss_as_the_same_instance(string what, string text)
    {
        Assert.Same(text, SecretRedactor.Redact(text));
        Assert.False(SecretRedactor.ContainsSecret(text), what);
    }

    [Fact]
    public void Every_kind_has_samples_and_every_sample_is_redacted()
    {
        var samples = SecretSamples.All();
        var rows = SecretRedactor.Kinds.Select(kind =>
        {
            var mine = samples.Where(s => s.Kind == kind).ToList();
            var misses = SecretSamples.NearMisses.Where(n => n.Tempts == kind).ToList();
            return (Kind: kind, Samples: mine.Count, Redacted: mine.Count(s => SecretRedactor.Redact(s.Text) == s.Expected),
                NearMisses: misses.Count, Kept: misses.Count(n => ReferenceEquals(SecretRedactor.Redact(n.Text), n.Text)));
        }).ToList();
        var general = SecretSamples.NearMisses.Where(n => n.Tempts == "(any)").ToList();
        rows.Add(("(any kind)", 0, 0, general.Count, general.Count(n => ReferenceEquals(SecretRedactor.Redact(n.Text), n.Text))));

        output.WriteLine($"{"kind",-24} {"samples",7} {"redacted",8} {"near-misses",11} {"kept",4}");
        foreach (var r in rows) output.WriteLine($"{r.Kind,-24} {r.Samples,7} {r.Redacted,8} {r.NearMisses,11} {r.Kept,4}");
        output.WriteLine($"{"total",-24} {rows.Sum(r => r.Samples),7} {rows.Sum(r => r.Redacted),8} {rows.Sum(r => r.NearMisses),11} {rows.Sum(r => r.Kept),4}");

        Assert.All(rows.Where(r => r.Kind != "(any kind)"), r => Assert.True(r.Samples > 0, $"{r.Kind} has no sample"));
        Assert.All(rows, r => Assert.Equal((r.Kind, r.Samples, r.NearMisses), (r.Kind, r.Redacted, r.Kept)));
        // A near miss that names a kind no rule has would never be counted above.
        Assert.All(SecretSamples.NearMisses, n => Assert.Contains(n.Tempts, SecretRedactor.Kinds.Append("(any)")));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Redacting_twice_changes_nothing(string kind, string secret, string text)
    {
        var once = SecretRedactor.Redact(text);
        Assert.Same(once, SecretRedactor.Redact(once));
        Assert.False(SecretRedactor.ContainsSecret(once), $"{kind}: {once}");
        Assert.DoesNotContain(secret, once);
    }

    [Fact]
    public void The_same_text_gives_the_same_result_and_other_secrets_of_a_kind_give_the_same_text()
    {
        var first = SecretSamples.All(seed: 1);
        var second = SecretSamples.All(seed: 2);
        Assert.Equal(first.Count, second.Count);
        for (var i = 0; i < first.Count; i++)
        {
            Assert.NotEqual(first[i].Secret, second[i].Secret);
            Assert.Equal(SecretRedactor.Redact(first[i].Text), SecretRedactor.Redact(first[i].Text));
            Assert.Equal(SecretRedactor.Redact(first[i].Text), SecretRedactor.Redact(second[i].Text));
        }
    }

    [Fact]
    public void Several_secrets_of_different_kinds_in_one_message_are_all_replaced()
    {
        var aws = "AKIA" + Fake.Of(Fake.UpperAlnum, 16, 5);
        var github = "ghp_" + Fake.Of(Fake.Alnum, 36, 5);
        var text = $"env: AWS_ACCESS_KEY_ID={aws}\nGITHUB_TOKEN={github}\nConnectionStrings__Db=Server=db;Password=hunter2;";

        Assert.Equal(
            "env: AWS_ACCESS_KEY_ID=[REDACTED:aws-access-key]\nGITHUB_TOKEN=[REDACTED:github-token]\nConnectionStrings__Db=Server=db;Password=[REDACTED:password];",
            SecretRedactor.Redact(text));
    }

    [Fact]
    public void Null_and_empty_text_come_back_as_they_are()
    {
        Assert.Null(SecretRedactor.Redact(null));
        Assert.Same("", SecretRedactor.Redact(""));
        Assert.False(SecretRedactor.ContainsSecret(null));
        Assert.False(SecretRedactor.ContainsSecret(""));
    }

    [Fact]
    public void Long_adversarial_text_is_scanned_without_timing_out()
    {
        // Patterns that backtrack would hit the match timeout here and turn the text into the
        // "unscanned" marker; linear ones finish in milliseconds.
        var inputs = new[]
        {
            string.Concat(Enumerable.Repeat("token=\"", 20_000)),
            string.Concat(Enumerable.Repeat("-----BEGIN PRIVATE KEY-----", 5_000)),
            string.Concat(Enumerable.Repeat("a_", 50_000)) + "password",
            new string('A', 100_000) + "==",
            "Bearer " + new string('x', 100_000),
            string.Concat(Enumerable.Repeat("postgres://u:", 10_000)),
            "eyJ" + string.Concat(Enumerable.Repeat("abcdefgh.", 20_000)),
        };
        foreach (var input in inputs)
            Assert.NotEqual(SecretRedactor.Unscanned, SecretRedactor.Redact(input));
    }
}

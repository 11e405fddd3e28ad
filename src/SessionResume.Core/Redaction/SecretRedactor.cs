using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace SessionResume.Redaction;

/// <summary>
/// Replaces values that look like secrets (tokens, keys, passwords, private keys) with
/// "[REDACTED:&lt;kind&gt;]" before any text reaches a file that may be committed, uploaded as a CI
/// artifact or pasted into a chat with an agent. The kinds and their patterns are in
/// <see cref="SecretRules"/>.
/// </summary>
/// <remarks>
/// Deterministic (the same text always gives the same result, on every machine) and idempotent
/// (redacting redacted text changes nothing), so a state written and read back many times stays
/// the same, and fingerprints computed from redacted text stay the same from run to run.
/// </remarks>
public static class SecretRedactor
{
    /// <summary>
    /// A safety net, not a budget: every pattern is linear and takes microseconds on a message. Set
    /// high so that a pause of the whole process (GC, a loaded CI machine) never trips it.
    /// </summary>
    internal const int MatchTimeoutMilliseconds = 1000;

    /// <summary>What a text becomes when a pattern timed out on it: better to lose it than to leak it.</summary>
    public static readonly string Unscanned = SecretRule.Marker("unscanned");

    /// <summary>The kinds that may appear in a marker.</summary>
    public static IEnumerable<string> Kinds => SecretRules.Kinds;

    /// <summary>
    /// The text with each secret replaced by [REDACTED:&lt;kind&gt;]; where a name introduces the secret
    /// ("Password=", "api_key=", "Bearer ") the name is kept. Returns the same string instance when
    /// there is nothing to redact, which is almost always: callers may compare references.
    /// </summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        var result = text;
        foreach (var rule in SecretRules.All)
        {
            if (!rule.MayMatch(result)) continue;
            // Regex.Replace returns the same instance when nothing matched, which keeps the fast path allocation-free.
            try { result = rule.Pattern.Replace(result, rule.Evaluator); }
            catch (RegexMatchTimeoutException) { return Unscanned; }
        }
        return result;
    }

    /// <summary>Whether <see cref="Redact"/> would change the text.</summary>
    public static bool ContainsSecret(string? text)
    {
        if (string.IsNullOrEmpty(text)) return false;
        foreach (var rule in SecretRules.All)
        {
            if (!rule.MayMatch(text)) continue;
            try { if (rule.Pattern.IsMatch(text)) return true; }
            catch (RegexMatchTimeoutException) { return true; }
        }
        return false;
    }
}

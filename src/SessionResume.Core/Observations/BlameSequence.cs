using System.Xml.Linq;

namespace SessionResume.Observations;

/// <summary>
/// With --blame, vstest's blame collector writes Sequence_*.xml: the tests in the order they started,
/// each marked Completed="True" or "False". The one that did not complete is the one that was running
/// when the test host crashed or hung (older collectors have no Completed: then the last one started).
/// </summary>
public static class BlameSequence
{
    public static string? RunningTest(string sequenceXml)
    {
        try
        {
            var tests = XElement.Parse(sequenceXml).Elements("Test").ToList();
            var running = tests.FirstOrDefault(t =>
                    string.Equals((string?)t.Attribute("Completed"), "False", StringComparison.OrdinalIgnoreCase))
                ?? (tests.Any(t => t.Attribute("Completed") is not null) ? null : tests.LastOrDefault());
            return (string?)running?.Attribute("Name") is { Length: > 0 } name ? name : null;
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }

    /// <summary>Why a run was aborted: vstest's own reason first, never a test adapter's per-test lines.</summary>
    public static string AbortReason(string? error, IEnumerable<string> errorMessages)
    {
        var messages = errorMessages.Where(m => !string.IsNullOrWhiteSpace(m)).ToList();
        var reason = error
            ?? messages.FirstOrDefault(m => m.Contains("aborted", StringComparison.OrdinalIgnoreCase))
            ?? messages.FirstOrDefault(m =>
                m.Contains("crash", StringComparison.OrdinalIgnoreCase) || m.Contains("hang", StringComparison.OrdinalIgnoreCase));
        // Else the host's own error ("Could not find 'mono' host ..."): the real reason, kept whole.
        reason ??= messages.FirstOrDefault(m => !IsAdapterLine(m)) is { } hostError
            ? "The test run was aborted: " + hostError.Trim()
            : "The test run was aborted.";
        return reason.Trim();
    }

    /// <summary>A test adapter's per-test line, "[xUnit.net 00:00:00.48] ...": never the run's reason.</summary>
    static bool IsAdapterLine(string message)
    {
        var text = message.TrimStart();
        return text.StartsWith('[') && text.IndexOf(']', StringComparison.Ordinal) is > 0 and < 40;
    }
}

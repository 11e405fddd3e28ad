using Microsoft.Testing.Platform.Extensions.Messages;
using SessionResume.Observations;

namespace SessionResume.TestingPlatform;

/// <summary>Maps an MTP test node in a final state to the core's test result; in-progress and discovery updates give null.</summary>
internal static class TestNodeResults
{
    public static TestResultRecord? From(TestNode node, string assemblyName)
    {
        var state = node.Properties.SingleOrDefault<TestNodeStateProperty>();
        var (outcome, exception, explanation) = state switch
        {
            PassedTestNodeStateProperty => (TestOutcome.Passed, null, null),
            SkippedTestNodeStateProperty => (TestOutcome.Skipped, null, null),
            FailedTestNodeStateProperty f => (TestOutcome.Failed, f.Exception, f.Explanation),
            ErrorTestNodeStateProperty e => (TestOutcome.Failed, e.Exception, e.Explanation),
            TimeoutTestNodeStateProperty t => (TestOutcome.Failed, t.Exception, t.Explanation ?? "The test timed out."),
#pragma warning disable CS0618 // Cancelled is obsolete in newer platforms but still reported by older frameworks.
            CancelledTestNodeStateProperty c => (TestOutcome.Failed, c.Exception, c.Explanation ?? "The test was cancelled."),
#pragma warning restore CS0618
            _ => ((TestOutcome?)null, (Exception?)null, (string?)null),
        };
        if (outcome is null) return null;

        var fullyQualifiedName = FullyQualifiedName(node);
        var location = node.Properties.SingleOrDefault<TestFileLocationProperty>();
        var message = exception?.Message ?? explanation;
        return new TestResultRecord(
            fullyQualifiedName,
            DisplayNameWithNamespace(node.DisplayName, fullyQualifiedName),
            assemblyName,
            outcome.Value,
            location?.FilePath,
            location is null ? 0 : location.LineSpan.Start.Line,
            message,
            exception?.StackTrace);
    }

    /// <summary>
    /// The name of a test that has just started (an in-progress update), else null: the fully
    /// qualified method name, the name its result and its rerun command use.
    /// </summary>
    public static string? InProgressName(TestNode node) =>
        node.Properties.SingleOrDefault<TestNodeStateProperty>() is InProgressTestNodeStateProperty ? FullyQualifiedName(node) : null;

    static string FullyQualifiedName(TestNode node)
    {
        var method = node.Properties.SingleOrDefault<TestMethodIdentifierProperty>();
        return method is null
            ? node.DisplayName
            : string.Join(".", new[] { method.Namespace, method.TypeName, method.MethodName }.Where(p => !string.IsNullOrEmpty(p)));
    }

    /// <summary>MTP display names are often just "Method(args)"; keep the arguments, as VSTest's display names do.</summary>
    static string DisplayNameWithNamespace(string displayName, string fullyQualifiedName)
    {
        var paren = displayName.IndexOf('(');
        return paren >= 0 && displayName.EndsWith(')') ? fullyQualifiedName + displayName[paren..] : displayName;
    }
}

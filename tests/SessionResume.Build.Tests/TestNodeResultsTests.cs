using Microsoft.Testing.Platform.Extensions.Messages;
using SessionResume.Observations;
using SessionResume.TestingPlatform;

namespace SessionResume.Tests;

public class TestNodeResultsTests
{
    static TestNode Node(string displayName, TestNodeStateProperty state, string method = "Divides", int line = 12) => new()
    {
        Uid = new TestNodeUid(displayName),
        DisplayName = displayName,
        Properties = new PropertyBag(
            state,
            new TestMethodIdentifierProperty("Mtp", "Mtp.Tests", "CalcTests", method, 0, [], "System.Void"),
            new TestFileLocationProperty("/repo/tests/Mtp/CalcTests.cs", new LinePositionSpan(new LinePosition(line, 0), new LinePosition(line, 0)))),
    };

    [Fact]
    public void A_failed_node_maps_to_a_failed_result_with_name_location_and_exception()
    {
        Exception thrown;
        try { throw new InvalidOperationException("Expected 3 but was 4"); } catch (Exception e) { thrown = e; }
        var result = TestNodeResults.From(Node("Divides", new FailedTestNodeStateProperty(thrown, "failed")), "Mtp")!;

        Assert.Equal(("Mtp.Tests.CalcTests.Divides", "Divides", "Mtp", TestOutcome.Failed), (result.FullyQualifiedName, result.DisplayName, result.AssemblyName, result.Outcome));
        Assert.Equal(("/repo/tests/Mtp/CalcTests.cs", 12), (result.CodeFilePath, result.LineNumber));
        Assert.Equal("Expected 3 but was 4", result.ErrorMessage);
        Assert.Contains(nameof(A_failed_node_maps_to_a_failed_result_with_name_location_and_exception), result.ErrorStackTrace);
    }

    [Fact]
    public void A_data_row_keeps_its_arguments_after_the_fully_qualified_name()
    {
        var result = TestNodeResults.From(Node("Is_one(value: 2)", new PassedTestNodeStateProperty(), "Is_one"), "Mtp")!;
        Assert.Equal("Mtp.Tests.CalcTests.Is_one(value: 2)", result.DisplayName);
        Assert.Equal(TestOutcome.Passed, result.Outcome);
    }

    [Fact]
    public void Errors_and_timeouts_count_as_failures_and_skips_as_skips()
    {
        Assert.Equal(TestOutcome.Failed, TestNodeResults.From(Node("A", new ErrorTestNodeStateProperty("setup failed")), "Mtp")!.Outcome);
        Assert.Equal(TestOutcome.Failed, TestNodeResults.From(Node("A", new TimeoutTestNodeStateProperty("too slow")), "Mtp")!.Outcome);
        Assert.Equal(TestOutcome.Skipped, TestNodeResults.From(Node("A", new SkippedTestNodeStateProperty("later")), "Mtp")!.Outcome);
    }

    [Fact]
    public void Discovery_and_in_progress_updates_are_not_results()
    {
        Assert.Null(TestNodeResults.From(Node("A", InProgressTestNodeStateProperty.CachedInstance), "Mtp"));
        Assert.Null(TestNodeResults.From(Node("A", DiscoveredTestNodeStateProperty.CachedInstance), "Mtp"));
    }

    [Theory]
    [InlineData(new[] { "--filter-method", "A.B" }, true)]
    [InlineData(new[] { "--treenode-filter", "/x" }, true)]
    [InlineData(new[] { "--filter", "FullyQualifiedName=A" }, true)]
    [InlineData(new[] { "--results-directory", "out" }, false)]
    public void Filters_of_any_framework_make_the_run_partial(string[] args, bool partial) =>
        Assert.Equal(partial, SessionResumeDataConsumer.IsFiltered(args));
}

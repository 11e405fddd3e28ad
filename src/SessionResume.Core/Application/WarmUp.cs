using SessionResume.Common;
using SessionResume.Merge;
using SessionResume.Model;
using SessionResume.Observations;
using SessionResume.Store;

namespace SessionResume.Application;

/// <summary>
/// The first JSON read and write of a process costs tens of milliseconds of JIT, which a test run
/// would otherwise pay after its last test. The test logger and the MTP extension run this on a
/// background thread while the tests run: an in-memory round trip of a populated state and a small
/// test merge, touching no file. Any failure is ignored; the real recording does not depend on it.
/// </summary>
public static class WarmUp
{
    public static Task Start() => Task.Run(() =>
    {
        try
        {
            var now = Time.Truncate(DateTime.UtcNow);
            var state = new SessionState { SessionId = "sess_20000101_001", Timestamp = now, StartedAt = now };
            state.Errors.Unresolved.Add(
                new ErrorEntry { File = "a.cs", Line = 1, Error = "e", Code = "CS0000", Fingerprint = "0", FirstSeen = now });
            state.Errors.Resolved.Add(new ResolvedError { File = "a.cs", Error = "e", Resolution = "r", ResolvedAt = now });
            TestMerge.Apply(state, new TestRunObservation("warm/up.csproj", "net0", false,
                [
                    new TestResultRecord("Warm.Up.Passes", "Warm.Up.Passes", "Warm.Up", TestOutcome.Passed),
                    new TestResultRecord("Warm.Up.Fails", "Warm.Up.Fails", "Warm.Up", TestOutcome.Failed,
                        ErrorMessage: "Assert.Equal() Failure", ErrorStackTrace: "   at Warm.Up.Fails() in /w/a.cs:line 1"),
                ], null), new MergeContext(now, new NoSources()), "/w");
            // The write path's own steps, so warming up runs exactly the code that records.
            SessionWriter.Derive(state);
            SessionWriter.Redact(state);
            StateJson.Deserialize(StateSizeLimit.Serialize(state));
        }
        catch (Exception)
        {
            // Only a warm-up.
        }
    });

    sealed class NoSources : ISourceText
    {
        public IReadOnlyList<string>? Lines(string sessionPath) => null;
    }
}

using System.Diagnostics;
using System.Globalization;
using SessionResume.Model;
using SessionResume.Reliability.Infrastructure;
using SessionResume.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SessionResume.Reliability;

/// <summary>
/// Issue 5, item 1: separate OS processes merging into one state file through SessionWriter.Update
/// (the path of every build, test logger and verb), while another process keeps parsing the file.
/// </summary>
public class ConcurrencyTests(ITestOutputHelper output)
{
    const int Processes = 16;
    const int MergesPerProcess = 100;

    [Fact]
    public void Sixteen_processes_merging_a_hundred_entries_each_lose_none_and_every_read_parses()
    {
        var figures = new Figures(output, "concurrency");
        using var dir = new TempDirectory("sr-reliability-");
        var state = dir.File(".session-state.json");

        using var reader = WorkerProcess.Start("read", state, "600000");
        reader.WaitForLine("READY", TimeSpan.FromSeconds(60));
        var writers = Enumerable.Range(1, Processes)
            .Select(i => WorkerProcess.Start("merge", state, i.ToString(CultureInfo.InvariantCulture),
                MergesPerProcess.ToString(CultureInfo.InvariantCulture), "--wait-go"))
            .ToList();
        try
        {
            // All started and compiled: let them go at once, so they really contend.
            foreach (var writer in writers) writer.WaitForLine("READY", TimeSpan.FromSeconds(60));
            var watch = Stopwatch.StartNew();
            foreach (var writer in writers) writer.Send("go");
            foreach (var writer in writers)
                Assert.True(writer.WaitForExit(TimeSpan.FromMinutes(5)), "A merging worker did not finish in 5 minutes.\n" + writer.Output);
            watch.Stop();
            reader.Send("stop");
            Assert.True(reader.WaitForExit(TimeSpan.FromSeconds(60)), reader.Output);

            var final = StateJson.Deserialize(File.ReadAllBytes(state));
            var expected = Enumerable.Range(1, Processes)
                .SelectMany(p => Enumerable.Range(0, MergesPerProcess).Select(m => $"w{p}-{m}")).ToHashSet(StringComparer.Ordinal);
            var found = final.Todos.Count(expected.Contains);
            var lost = expected.Except(final.Todos, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var duplicates = final.Todos.Count - final.Todos.Distinct(StringComparer.Ordinal).Count();
            var notWritten = writers.Sum(w => w.Number("RESULT", "skipped"));
            var slowest = writers.Max(w => w.Number("RESULT", "slowest_update_ms"));
            var codes = string.Join(',', writers.Select(w => w.Values("RESULT")["codes"]).Where(c => c.Length > 0).Distinct());
            var read = reader.Values("RESULT");

            figures.Line($"{Processes} processes x {MergesPerProcess} merges (SessionWriter.Update, 30 s lock timeout) + 1 reader process");
            figures.Line($"entries found {found} of {expected.Count}; lost updates {lost.Count}; duplicates {duplicates}; updates not written {notWritten}; SR codes [{codes}]");
            figures.Line($"reads {read["reads"]}, parsed {read["parsed"]}, parse failures {read["failures"]}, before the file existed {read["missing"]}, reads older than an earlier read {read["decreases"]}");
            figures.Line($"elapsed {watch.Elapsed.TotalSeconds:0.0} s ({expected.Count / watch.Elapsed.TotalSeconds:0} merges/s); slowest single update {slowest} ms (waiting for the lock included)");

            foreach (var writer in writers)
            {
                Assert.True(writer.ExitCode == 0, writer.Output);
                Assert.True(writer.Number("RESULT", "written") == MergesPerProcess, "A writer did not record all its merges.\n" + writer.Output);
            }
            Assert.True(lost.Count == 0, $"{lost.Count} lost updates, e.g. {string.Join(", ", lost.Take(10))}");
            Assert.Equal(0, duplicates);
            Assert.Equal(expected.Count, final.Todos.Count);
            Assert.True(read["failures"] == "0", "The reader could not parse every read.\n" + reader.Output);
            Assert.True(read["decreases"] == "0", "The reader saw the file go back to an older version.\n" + reader.Output);
            Assert.True(long.Parse(read["parsed"], CultureInfo.InvariantCulture) > 0, reader.Output);
            Assert.Empty(dir.Named(".session-state.json.tmp-"));
            Assert.Empty(dir.Named(".session-state.json.corrupt-"));
        }
        finally
        {
            foreach (var writer in writers) writer.Dispose();
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using SessionResume.Model;
using SessionResume.Reliability.Infrastructure;
using SessionResume.Reliability.Worker;
using SessionResume.Store;
using SessionResume.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SessionResume.Reliability;

/// <summary>
/// Issue 5, item 2: a writer SIGKILLed at random points, 200 times. After every kill the file on disk
/// is, byte for byte, the last version written in full or the one being written; temporary files a
/// killed writer leaves are removed by the next writer that gets the lock.
/// </summary>
public class CrashSafetyTests(ITestOutputHelper output)
{
    const int Kills = 200;
    /// <summary>8000 todos: a 560 KB state, about 10 ms to write once compiled, so most of a writer's life is inside a write.</summary>
    const int Items = 8000;
    /// <summary>The kill comes 0..MaxDelayMs after READY (printed once the write path is compiled, before the first update).</summary>
    const int MaxDelayMs = 120;
    const string TempPrefix = ".session-state.json.tmp-";

    static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public void Two_hundred_SIGKILLs_mid_update_leave_the_old_or_the_new_complete_file_and_the_next_writer_cleans_the_temp_files()
    {
        var figures = new Figures(output, "crash safety");
        var seed = Environment.GetEnvironmentVariable("SESSIONRESUME_RELIABILITY_SEED") is { Length: > 0 } given
            ? int.Parse(given, CultureInfo.InvariantCulture) : Environment.TickCount;
        var random = new Random(seed);
        using var dir = new TempDirectory("sr-reliability-");
        var state = dir.File(".session-state.json");
        Assert.True(new StateStore(state, () => DateTime.UtcNow).Apply(_ => StoreAction.Write(CrashPayload.Build(1, Items))).Written);

        long current = 1;
        int keptOld = 0, becameNew = 0, beforeFirstWrite = 0, midWrite = 0, betweenWrites = 0, renamedBeforeEnd = 0;
        int killsLeavingTemp = 0, tempsLeft = 0, tempsCleaned = 0, writesCompleted = 0;
        var leftover = new HashSet<string>(StringComparer.Ordinal);
        var watch = Stopwatch.StartNew();

        for (var kill = 1; kill <= Kills; kill++)
        {
            var delay = random.Next(0, MaxDelayMs + 1);
            string[] lines;
            using (var writer = WorkerProcess.Start("slow-write", state, Items.ToString(CultureInfo.InvariantCulture)))
            {
                writer.WaitForLine("READY", Patience);
                Thread.Sleep(delay);
                writer.Kill();
                Assert.True(writer.WaitForExit(Patience), writer.Output);
                lines = writer.Lines.ToArray();
                var context = $"kill {kill} of {Kills}, {delay} ms after READY (seed {seed}), version before {current}.\n{writer.Output}";
                Assert.False(lines.Any(l => l.StartsWith("BAD", StringComparison.Ordinal)), "The writer read a state that is no whole version. " + context);
                Assert.False(lines.Any(l => l.StartsWith("PROBLEM", StringComparison.Ordinal)), "The writer reported a problem. " + context);

                var begun = Sequences(lines, "BEGIN");
                var ended = Sequences(lines, "END");
                writesCompleted += ended.Count;
                var lastEnded = ended.Count > 0 ? ended.Max() : current;
                long? inFlight = begun.Count > 0 && !ended.Contains(begun.Max()) ? begun.Max() : null;
                if (begun.Count == 0) beforeFirstWrite++;
                else if (inFlight is not null) midWrite++;
                else betweenWrites++;

                // The file: parses, is a whole version, and that version is the last one completed or the one in flight.
                var bytes = File.ReadAllBytes(state);
                var parsed = StateJson.Deserialize(bytes);
                var version = CrashPayload.Verify(parsed, out var reason);
                Assert.True(version is not null, $"The state is not a whole version ({reason}). " + context);
                Assert.True(version == lastEnded || version == inFlight,
                    $"The state holds version {version}; expected {lastEnded} (last completed){(inFlight is null ? "" : $" or {inFlight} (in flight)")}. " + context);
                Assert.True(bytes.AsSpan().SequenceEqual(CrashPayload.Bytes(version!.Value, Items)), $"Version {version} differs from its bytes. " + context);
                if (version == current) keptOld++; else becameNew++;
                if (version == inFlight) renamedBeforeEnd++;

                // A writer that began a write had the lock and cleaned up first: earlier leftovers are gone.
                if (begun.Count > 0)
                {
                    var stillThere = leftover.Where(name => File.Exists(Path.Combine(dir.Path, name))).ToList();
                    Assert.True(stillThere.Count == 0, $"Temporary files of an earlier killed writer survived the next writer: {string.Join(", ", stillThere)}. " + context);
                    tempsCleaned += leftover.Count;
                    leftover.Clear();
                }
                var temps = dir.Named(TempPrefix);
                var fresh = temps.Where(t => !leftover.Contains(t)).ToList();
                if (fresh.Count > 0) killsLeavingTemp++;
                tempsLeft += fresh.Count;
                leftover.UnionWith(fresh);
                Assert.Empty(dir.Named(".session-state.json.corrupt-"));
                current = version.Value;
            }
        }

        // One more writer that is not killed: it cleans what the last kills left and writes the next version.
        using (var last = WorkerProcess.Start("slow-write", state, Items.ToString(CultureInfo.InvariantCulture), "--max-writes", "1"))
        {
            Assert.True(last.WaitForExit(Patience), last.Output);
            Assert.Equal(0, last.ExitCode);
            tempsCleaned += leftover.Count;
        }
        watch.Stop();
        var remaining = dir.Named(TempPrefix);
        var finalVersion = CrashPayload.Verify(StateJson.Deserialize(File.ReadAllBytes(state)), out _);

        figures.Line($"kills done {Kills} (SIGKILL 0..{MaxDelayMs} ms after the writer was ready; seed {seed}; state {Items} todos, {new FileInfo(state).Length / 1024} KB)");
        figures.Line($"states verified {keptOld + becameNew} (whole previous version {keptOld}, whole new version {becameNew}); torn or unparsable 0");
        figures.Line($"kills before the first write began {beforeFirstWrite}, during a write (BEGIN..END) {midWrite} (of which after the rename {renamedBeforeEnd}), between writes {betweenWrites}; writes completed {writesCompleted}");
        figures.Line($"kills that left a temp file {killsLeavingTemp}; temp files left {tempsLeft}, cleaned by the next writer {tempsCleaned}, remaining at the end {remaining.Length}");
        figures.Line($"elapsed {watch.Elapsed.TotalSeconds:0.0} s");

        Assert.Empty(remaining);
        Assert.Equal(current + 1, finalVersion);
        Assert.Equal(tempsLeft, tempsCleaned);
        // The range is calibrated so that kills do land inside writes; fail if they stop doing so.
        Assert.True(midWrite >= Kills / 10, $"Only {midWrite} of {Kills} kills landed during a write: recalibrate MaxDelayMs.");
    }

    static HashSet<long> Sequences(IEnumerable<string> lines, string word) =>
        lines.Where(l => l.StartsWith(word + " ", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ')[1], CultureInfo.InvariantCulture)).ToHashSet();
}

using System.Diagnostics;
using System.Globalization;
using SessionResume.Application;
using SessionResume.Common;
using SessionResume.Config;
using SessionResume.Model;
using SessionResume.Reliability.Worker;
using SessionResume.Store;

// One OS process of the reliability tests. Every mode prints one line per event ("WORD key=value ..."),
// flushed at once (Console.Out flushes every write), so a parent that kills it still sees what it did.
//
//   merge <stateFile> <workerId> <count> [--via writer|store] [--lock-timeout-ms N] [--wait-go]
//       adds todos w<id>-<i> one update at a time, through SessionWriter.Update (the path every
//       build, test logger and verb uses; its lock timeout is the default 30 s) or, with --via store,
//       through StateStore.Update with the given lock timeout. --wait-go waits for "go" on stdin.
//   read <stateFile> <maxDurationMs>
//       parses the file again and again until stdin says "stop" (or closes) or the time is up.
//   hold-lock <stateFile> [holdMs]
//       takes the store's lock through StateStore.Apply and keeps it (for ever by default).
//   slow-write <stateFile> <items> [--max-writes N]
//       rewrites a large state (see CrashPayload) again and again, checking each version it reads.
return args.Length == 0 ? Usage() : args[0] switch
{
    "merge" => Merge(args),
    "read" => Read(args),
    "hold-lock" => HoldLock(args),
    "slow-write" => SlowWrite(args),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: merge <stateFile> <workerId> <count> [--via writer|store] [--lock-timeout-ms N] [--wait-go]");
    Console.Error.WriteLine("       read <stateFile> <maxDurationMs> | hold-lock <stateFile> [holdMs] | slow-write <stateFile> <items> [--max-writes N]");
    return 2;
}

static int Merge(string[] args)
{
    var stateFile = Path.GetFullPath(args[1]);
    var workerId = args[2];
    var count = int.Parse(args[3], CultureInfo.InvariantCulture);
    var viaStore = Option(args, "--via") == "store";
    var timeout = Option(args, "--lock-timeout-ms") is { } ms ? TimeSpan.FromMilliseconds(double.Parse(ms, CultureInfo.InvariantCulture)) : (TimeSpan?)null;
    var session = new Session(
        new SessionLocation(Path.GetDirectoryName(stateFile)!, stateFile, IsGitRepository: false),
        SessionSettings.Default with { IncludeGitDiff = false },
        ManageGitIgnore: false);

    Say($"READY pid={Environment.ProcessId}");
    if (args.Contains("--wait-go")) WaitFor("go");

    int written = 0, skipped = 0;
    var codes = new SortedSet<string>(StringComparer.Ordinal);
    var watch = Stopwatch.StartNew();
    var slowest = TimeSpan.Zero;
    for (var i = 0; i < count; i++)
    {
        var entry = $"w{workerId}-{i}";
        var one = Stopwatch.StartNew();
        bool recorded;
        IReadOnlyList<Problem> problems;
        if (viaStore)
        {
            var result = new StateStore(stateFile, () => DateTime.UtcNow, timeout).Update(s => { s.Todos.Add(entry); return true; });
            (recorded, problems) = (result.Written, result.Problems);
        }
        else
        {
            var result = SessionWriter.Update(session, () => DateTime.UtcNow, (s, _) => { s.Todos.Add(entry); return Change.Written([]); });
            (recorded, problems) = (result.Recorded, result.Problems);
        }
        one.Stop();
        if (one.Elapsed > slowest) slowest = one.Elapsed;
        if (recorded) written++; else skipped++;
        foreach (var p in problems)
        {
            codes.Add(p.Code);
            Say($"PROBLEM entry={entry} code={p.Code} ms={one.ElapsedMilliseconds} message={p.Message}");
        }
    }
    Say($"RESULT written={written} skipped={skipped} elapsed_ms={watch.ElapsedMilliseconds} slowest_update_ms={(long)slowest.TotalMilliseconds} codes={string.Join(',', codes)}");
    Say($"DONE unix_ms={DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}");
    return 0;
}

static int Read(string[] args)
{
    var stateFile = Path.GetFullPath(args[1]);
    var limit = TimeSpan.FromMilliseconds(double.Parse(args[2], CultureInfo.InvariantCulture));
    var stop = false;
    var stdin = new Thread(() => { WaitFor("stop"); Volatile.Write(ref stop, true); }) { IsBackground = true };
    stdin.Start();

    long reads = 0, parsed = 0, missing = 0, failures = 0, decreases = 0;
    var maxEntries = 0;
    Say($"READY pid={Environment.ProcessId}");
    var watch = Stopwatch.StartNew();
    while (!Volatile.Read(ref stop) && watch.Elapsed < limit)
    {
        reads++;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(stateFile);
        }
        catch (FileNotFoundException)
        {
            missing++;
            Thread.Sleep(1);
            continue;
        }
        catch (IOException e)
        {
            failures++;
            if (failures <= 5) Say($"FAIL read={reads} io={e.Message}");
            continue;
        }
        try
        {
            var state = StateJson.Deserialize(bytes);
            parsed++;
            // Updates only add entries: a read that sees fewer than an earlier one saw an older file.
            if (state.Todos.Count < maxEntries) decreases++;
            maxEntries = Math.Max(maxEntries, state.Todos.Count);
        }
        catch (InvalidStateException e)
        {
            failures++;
            if (failures <= 5) Say($"FAIL read={reads} bytes={bytes.Length} parse={e.Message}");
        }
    }
    Say($"RESULT reads={reads} parsed={parsed} missing={missing} failures={failures} decreases={decreases} max_entries={maxEntries} elapsed_ms={watch.ElapsedMilliseconds}");
    return 0;
}

static int HoldLock(string[] args)
{
    var stateFile = Path.GetFullPath(args[1]);
    var hold = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : Timeout.Infinite;
    var result = new StateStore(stateFile, () => DateTime.UtcNow).Apply(_ =>
    {
        Say($"LOCKED pid={Environment.ProcessId}");
        Thread.Sleep(hold);
        return StoreAction.Keep;
    });
    foreach (var p in result.Problems) Say($"PROBLEM code={p.Code} message={p.Message}");
    Say("RELEASED");
    return 0;
}

static int SlowWrite(string[] args)
{
    var stateFile = Path.GetFullPath(args[1]);
    var items = int.Parse(args[2], CultureInfo.InvariantCulture);
    var maxWrites = Option(args, "--max-writes") is { } max ? long.Parse(max, CultureInfo.InvariantCulture) : long.MaxValue;
    var store = new StateStore(stateFile, () => DateTime.UtcNow);
    WarmUp(items);
    var clock = Stopwatch.StartNew();
    Say($"READY pid={Environment.ProcessId}");
    for (long n = 0; n < maxWrites; n++)
    {
        long next = -1;
        var watch = Stopwatch.StartNew();
        var result = store.Apply(existing =>
        {
            long current = 0;
            if (existing is not null)
            {
                if (CrashPayload.Verify(existing, out var reason) is not { } sequence)
                {
                    Say($"BAD {reason}");
                    return StoreAction.Keep;
                }
                current = sequence;
            }
            next = current + 1;
            Say($"BEGIN {next} t={clock.ElapsedMilliseconds}");
            return StoreAction.Write(CrashPayload.Build(next, items));
        });
        foreach (var p in result.Problems) Say($"PROBLEM code={p.Code} message={p.Message}");
        if (!result.Written) return 3;
        Say($"END {next} ms={watch.ElapsedMilliseconds} t={clock.ElapsedMilliseconds}");
    }
    return 0;
}

/// <summary>
/// Runs the whole write path once on a scratch file elsewhere, so the code is compiled before READY
/// and a kill soon after READY lands in the real work rather than in the JIT.
/// </summary>
static void WarmUp(int items)
{
    var scratch = Directory.CreateTempSubdirectory("sr-worker-warmup-");
    try
    {
        var store = new StateStore(Path.Combine(scratch.FullName, "warmup.json"), () => DateTime.UtcNow);
        for (var i = 1; i <= 2; i++)
            store.Apply(existing =>
            {
                if (existing is not null) CrashPayload.Verify(existing, out _);
                return StoreAction.Write(CrashPayload.Build(i, Math.Min(items, 200)));
            });
    }
    finally
    {
        try { scratch.Delete(recursive: true); } catch (IOException) { }
    }
}

static string? Option(string[] args, string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

/// <summary>Blocks until stdin gives the word (or closes).</summary>
static void WaitFor(string word)
{
    while (Console.In.ReadLine() is { } line)
        if (line.Trim() == word) return;
}

static void Say(string line) => Console.Out.WriteLine(line);

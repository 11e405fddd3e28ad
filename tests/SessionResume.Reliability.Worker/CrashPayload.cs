using System.Security.Cryptography;
using System.Text;
using SessionResume.Model;

namespace SessionResume.Reliability.Worker;

/// <summary>
/// The states the slow writer produces: version <c>n</c> is a fixed function of n (a sequence
/// number, many todos that all name n, and a checksum over them), so whoever reads the file can tell
/// which version it holds and that it is that version, whole.
/// </summary>
public static class CrashPayload
{
    const string Marker = "crash-payload";

    public static SessionState Build(long sequence, int items)
    {
        var todos = new List<string>(items);
        for (var i = 0; i < items; i++)
            todos.Add($"v{sequence}-item{i:D6}-the quick brown fox jumps over the lazy dog {sequence % 997:D3}");
        return new SessionState
        {
            Project = Marker,
            Todos = todos,
            Context = new SessionContext { ArchitectureNotes = Describe(sequence, todos) },
        };
    }

    /// <summary>The exact bytes version <paramref name="sequence"/> has on disk.</summary>
    public static byte[] Bytes(long sequence, int items) =>
        new UTF8Encoding(false).GetBytes(StateJson.Serialize(Build(sequence, items)));

    /// <summary>Reads the sequence number and checks the checksum; null (with the reason) when the state is not a whole version.</summary>
    public static long? Verify(SessionState state, out string? reason)
    {
        reason = null;
        var notes = state.Context.ArchitectureNotes ?? "";
        var parts = notes.Split(' ');
        if (state.Project != Marker || parts.Length != 3 || !parts[0].StartsWith("seq=", StringComparison.Ordinal)
            || !long.TryParse(parts[0].AsSpan(4), out var sequence))
        {
            reason = $"not a crash payload: project={state.Project} notes={notes}";
            return null;
        }
        var expected = Describe(sequence, state.Todos);
        if (expected != notes)
        {
            reason = $"checksum mismatch: file says '{notes}', content gives '{expected}'";
            return null;
        }
        if (state.Todos.Any(t => !t.StartsWith($"v{sequence}-", StringComparison.Ordinal)))
        {
            reason = $"todos of another version inside version {sequence}";
            return null;
        }
        return sequence;
    }

    static string Describe(long sequence, List<string> todos)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", todos)));
        return $"seq={sequence} items={todos.Count} sha256={Convert.ToHexString(hash.AsSpan(0, 8))}";
    }
}

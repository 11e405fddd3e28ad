using SessionResume.Common;
using SessionResume.Model;

namespace SessionResume.Store;

/// <summary>The state file's reading side: bounded and shared reads, and setting an unreadable file aside.</summary>
public sealed partial class StateStore
{
    /// <summary>The file's bytes; one larger than <see cref="MaxFileBytes"/> is not read at all.</summary>
    internal static byte[] ReadLimited(string path)
    {
        var length = new FileInfo(path).Length;
        if (length > MaxFileBytes)
            throw new InvalidStateException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"it is {length / (1024.0 * 1024):0.0} MB, larger than the {MaxFileBytes / (1024 * 1024)}" +
                $" MB a state file may be, so it was not parsed"));
        return ReadShared(path);
    }

    /// <summary>
    /// Reads a whole file letting others write, rename over or delete it meanwhile: on Windows a
    /// reader that does not share delete access would make a writer's atomic rename fail.
    /// </summary>
    public static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    SessionState? ReadOrSetAside(List<Problem> problems)
    {
        try
        {
            return StateJson.Deserialize(ReadLimited(StateFile));
        }
        catch (InvalidStateException e)
        {
            var aside = AsideName();
            File.Move(StateFile, aside);
            problems.Add(Problems.StateSetAside(StateFile, e.Message, aside));
            return null;
        }
    }

    string AsideName()
    {
        var stamp = clock().ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var name = $"{StateFile}.corrupt-{stamp}";
        for (var i = 2; File.Exists(name); i++) name = $"{StateFile}.corrupt-{stamp}-{i}";
        return name;
    }
}

using SessionResume.Model;
using SessionResume.Observations;

namespace SessionResume.Merge;

/// <summary>The stable order of entries in the file, so that diffs of the state are meaningful.</summary>
static class EntryOrder
{
    public static int Compare(ErrorEntry a, ErrorEntry b)
    {
        var c = string.CompareOrdinal(a.Project, b.Project);
        if (c == 0) c = string.CompareOrdinal(a.File, b.File);
        if (c == 0) c = a.Line.CompareTo(b.Line);
        if (c == 0) c = string.CompareOrdinal(a.Code, b.Code);
        if (c == 0) c = string.CompareOrdinal(a.Fingerprint, b.Fingerprint);
        return c;
    }
}

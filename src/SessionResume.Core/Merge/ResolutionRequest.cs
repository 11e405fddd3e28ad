using SessionResume.Model;

namespace SessionResume.Merge;

/// <summary>One "FINGERPRINT=how it was fixed", checked against the state before anything is changed.</summary>
sealed record ResolutionRequest(string Typed, string Fingerprint, string Resolution)
{
    const string Property = "SessionResolution";

    /// <summary>The valid requests; a message for every invalid one goes to <paramref name="errors"/>.</summary>
    public static List<ResolutionRequest> ParseAll(IEnumerable<string> items, ErrorSection known, List<string> errors)
    {
        var valid = new List<ResolutionRequest>();
        foreach (var item in items)
        {
            if (TextList.Clean(item) is not { } text) continue;
            // Only the first '=' separates: the description may contain '=' itself ("x = null" checks).
            var equals = text.IndexOf('=');
            if (equals < 0)
            {
                errors.Add($"{Property} '{text}' has no '=': write FINGERPRINT=how it was fixed.");
                continue;
            }
            var typed = text[..equals].Trim();
            var resolution = text[(equals + 1)..].Trim();
            if (resolution.Length == 0)
            {
                errors.Add($"{Property} '{text}' does not say how it was fixed: write {typed}=how it was fixed.");
                continue;
            }
            var found = ErrorLookup.Find(known, typed, Property);
            if (found.Error is not null) errors.Add(found.Error);
            else valid.Add(new ResolutionRequest(typed, found.Fingerprint!, resolution));
        }
        return valid;
    }
}

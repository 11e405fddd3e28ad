using System.Collections;
using System.Reflection;
using SessionResume.Model;

namespace SessionResume.Tests.Redaction;

/// <summary>
/// Reaches every string of a state through reflection: the model's classes, their lists and
/// dictionaries. Used to check that no free-text field is forgotten, including ones added later.
/// </summary>
static class ModelWalker
{
    const string Key = "src/App/App.csproj";

    /// <summary>Sets every string (and one item of every list and dictionary) to <paramref name="text"/>.</summary>
    public static void FillStrings(object model, string text)
    {
        foreach (var p in Properties(model))
        {
            var value = Create(p.PropertyType, text);
            if (value is not null) p.SetValue(model, value);
        }
    }

    /// <summary>Every string reachable from <paramref name="model"/>, with a path such as "SessionState.Errors.Unresolved[].File".</summary>
    public static IEnumerable<(string Path, string Value)> Strings(object model) => Strings(model, model.GetType().Name);

    static IEnumerable<(string Path, string Value)> Strings(object? value, string path)
    {
        switch (value)
        {
            case null: yield break;
            case string s: yield return (path, s); yield break;
            case IDictionary dictionary:
                foreach (var item in dictionary.Values)
                    foreach (var found in Strings(item, path + ".*")) yield return found;
                yield break;
            case IEnumerable list:
                foreach (var item in list)
                    foreach (var found in Strings(item, path + "[]")) yield return found;
                yield break;
        }
        if (!IsModel(value.GetType())) yield break;
        foreach (var p in Properties(value))
            foreach (var found in Strings(p.GetValue(value), path + "." + p.Name)) yield return found;
    }

    static object? Create(Type type, string text)
    {
        if (type == typeof(string)) return text;
        if (IsModel(type))
        {
            var model = Activator.CreateInstance(type)!;
            FillStrings(model, text);
            return model;
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            var list = (IList)Activator.CreateInstance(type)!;
            var item = Create(type.GetGenericArguments()[0], text);
            if (item is not null) list.Add(item);
            return list;
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(SortedDictionary<,>) && type.GetGenericArguments()[0] == typeof(string))
        {
            var dictionary = (IDictionary)Activator.CreateInstance(type, StringComparer.Ordinal)!;
            var item = Create(type.GetGenericArguments()[1], text);
            if (item is not null) dictionary[Key] = item;
            return dictionary;
        }
        return null;   // numbers, times, and the extension data (tested on its own)
    }

    static bool IsModel(Type type) => type.IsClass && type.Namespace == typeof(SessionState).Namespace && type != typeof(string);

    static IEnumerable<PropertyInfo> Properties(object model) =>
        model.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0);
}

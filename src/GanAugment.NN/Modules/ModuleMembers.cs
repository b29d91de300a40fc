using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using GanAugment.Tensors;

namespace GanAugment.NN;

/// <summary>
/// The state-holding members of a module type, found once by reflection and cached per type:
/// every instance field (auto-property backing fields included) whose declared type is a
/// <see cref="Tensor"/>, a <see cref="Module"/>, or a sequence of either, in declaration order
/// (base class members first). Names are the member names in snake_case without a leading
/// underscore (<c>_runningMean</c> and <c>RunningMean</c> both give <c>running_mean</c>), as in
/// PyTorch state dicts.
/// </summary>
internal sealed class ModuleMembers
{
    private static readonly ConcurrentDictionary<Type, ModuleMembers> Cache = new();

    private readonly Member[] _members;

    private ModuleMembers(Member[] members) => _members = members;

    public static ModuleMembers For(Type type) => Cache.GetOrAdd(type, Discover);

    /// <summary>Direct tensors of <paramref name="owner"/>: parameters and buffers, told apart by runtime type.</summary>
    public IEnumerable<(string Name, Tensor Tensor)> Tensors(Module owner)
    {
        foreach (var m in _members)
        {
            if (m.Kind != MemberKind.Tensor) continue;
            foreach (var (name, value) in m.Values(owner))
                if (value is Tensor t) yield return (name, t);
        }
    }

    /// <summary>Direct sub-modules of <paramref name="owner"/>.</summary>
    public IEnumerable<(string Name, Module Module)> Modules(Module owner)
    {
        foreach (var m in _members)
        {
            if (m.Kind != MemberKind.Module) continue;
            foreach (var (name, value) in m.Values(owner))
                if (value is Module sub) yield return (name, sub);
        }
    }

    private static ModuleMembers Discover(Type type)
    {
        var chain = new List<Type>();
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType) chain.Add(t);
        chain.Reverse();
        var members = new List<Member>();
        foreach (var t in chain)
        {
            var fields = t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly);
            // NOTE: reflection does not promise declaration order; metadata tokens follow it.
            Array.Sort(fields, (a, b) => a.MetadataToken.CompareTo(b.MetadataToken));
            foreach (var f in fields)
            {
                var kind = KindOf(f.FieldType);
                if (kind is not null) members.Add(new Member(f, SnakeCase(MemberName(f.Name)), kind.Value, IsSequence(f.FieldType)));
            }
        }
        return new ModuleMembers([.. members]);
    }

    private static MemberKind? KindOf(Type type)
    {
        if (typeof(Tensor).IsAssignableFrom(type)) return MemberKind.Tensor;
        if (typeof(Module).IsAssignableFrom(type)) return MemberKind.Module;
        var element = SequenceElement(type);
        if (element is null) return null;
        if (typeof(Tensor).IsAssignableFrom(element)) return MemberKind.Tensor;
        if (typeof(Module).IsAssignableFrom(element)) return MemberKind.Module;
        return null;
    }

    private static bool IsSequence(Type type) => !typeof(Tensor).IsAssignableFrom(type) && !typeof(Module).IsAssignableFrom(type);

    private static Type? SequenceElement(Type type)
    {
        if (type.IsArray) return type.GetElementType();
        foreach (var i in type.GetInterfaces().Prepend(type))
            if (i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
                return i.GetGenericArguments()[0];
        return null;
    }

    /// <summary>The property name for a backing field (<c>&lt;Weight&gt;k__BackingField</c>), else the field name.</summary>
    private static string MemberName(string fieldName)
    {
        if (fieldName.StartsWith('<'))
        {
            var end = fieldName.IndexOf('>');
            if (end > 1) return fieldName[1..end];
        }
        return fieldName.TrimStart('_');
    }

    /// <summary>weightIh, WeightIh, weight_ih all give weight_ih.</summary>
    internal static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previous = i > 0 ? name[i - 1] : '_';
                var next = i + 1 < name.Length ? name[i + 1] : '_';
                // A capital starts a word after a lower-case letter or digit, or ends an acronym ("LSTMLayer").
                if (i > 0 && previous != '_' && (!char.IsUpper(previous) || char.IsLower(next))) sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }

    private enum MemberKind { Tensor, Module }

    private sealed record Member(FieldInfo Field, string Name, MemberKind Kind, bool Sequence)
    {
        public IEnumerable<(string Name, object? Value)> Values(Module owner)
        {
            var value = Field.GetValue(owner);
            if (!Sequence)
            {
                yield return (Name, value);
                yield break;
            }
            if (value is not IEnumerable items) yield break;
            var index = 0;
            foreach (var item in items) yield return ($"{Name}.{index++}", item);
        }
    }
}

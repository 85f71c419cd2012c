using System.Reflection;
using System.Reflection.Emit;
using BenchmarkAgent.Items;
using BenchmarkAgent.Media;
using BenchmarkAgent.Snapshots;
using BenchmarkAgent.Testing.Running;

namespace BenchmarkAgent.Testing.Tests.Media;

/// <summary>
/// A benchmark snapshot with real media files in a temporary folder (items.json from <see cref="SnapshotWriter.ItemsBytes"/>,
/// files under <c>media/</c> named by <see cref="MediaReference.For"/>), declared by a dynamic test assembly of its own,
/// so the real item and gate tests of <see cref="BenchmarkTestsBase"/> run over it in-process without touching the
/// catalog of this test project.
/// </summary>
internal sealed class MediaBenchmark : IDisposable
{
    private MediaBenchmark(string root, string name, IReadOnlyList<BenchmarkItem> items, Assembly assembly, Type testClass)
    {
        Root = root;
        Name = name;
        Items = items;
        Assembly = assembly;
        TestClass = testClass;
    }

    /// <summary>The temporary folder holding the benchmark folder (and anything else the test writes).</summary>
    public string Root { get; }

    /// <summary>The benchmark's name.</summary>
    public string Name { get; }

    /// <summary>The benchmark folder (<c>items.json</c> and <c>media/</c>).</summary>
    public string Directory => Path.Combine(Root, Name);

    /// <summary>The items as written.</summary>
    public IReadOnlyList<BenchmarkItem> Items { get; }

    /// <summary>The dynamic test assembly that declares the benchmark.</summary>
    public Assembly Assembly { get; }

    private Type TestClass { get; }

    /// <summary>Writes the snapshot and declares it in a new dynamic assembly (with a code subject when <paramref name="subjectFactory"/> is given).</summary>
    /// <param name="name">The benchmark name.</param>
    /// <param name="items">Each item with the media it carries, in order.</param>
    /// <param name="subjectFactory">An <see cref="IBenchmarkSubjectFactory"/> type for <c>[assembly: BenchmarkSubject]</c>, or null.</param>
    /// <param name="modalities">The attribute's <c>Modalities</c>.</param>
    public static MediaBenchmark Create(string name, IEnumerable<(BenchmarkItem Item, MediaContent[] Media)> items, Type? subjectFactory = null, InputModalities modalities = InputModalities.TextOnly)
    {
        string root = Path.Combine(Path.GetTempPath(), "ba-media-" + Guid.NewGuid().ToString("N"));
        string directory = Path.Combine(root, name);
        System.IO.Directory.CreateDirectory(Path.Combine(directory, MediaPaths.Folder));
        var written = new List<BenchmarkItem>();
        foreach (var (item, media) in items)
        {
            var references = new List<MediaReference>();
            foreach (var content in media)
            {
                var reference = MediaReference.For(content);
                File.WriteAllBytes(MediaPaths.Resolve(directory, reference.Path), content.Bytes.ToArray());
                references.Add(reference);
            }

            written.Add(item with { Media = references });
        }

        File.WriteAllBytes(Path.Combine(directory, SnapshotLayout.ItemsFileName), SnapshotWriter.ItemsBytes(name, written));

        var attributes = new List<CustomAttributeBuilder>
        {
            new(typeof(GeneratedBenchmarkAttribute).GetConstructor([typeof(string), typeof(string)])!, [name, directory]),
        };
        if (subjectFactory is not null)
        {
            attributes.Add(new(
                typeof(BenchmarkSubjectAttribute).GetConstructor([typeof(Type)])!,
                [subjectFactory],
                [typeof(BenchmarkSubjectAttribute).GetProperty(nameof(BenchmarkSubjectAttribute.Modalities))!],
                [modalities]));
        }

        var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("MediaBench" + Guid.NewGuid().ToString("N")), AssemblyBuilderAccess.Run, attributes);
        var module = assembly.DefineDynamicModule("MediaBench");
        var type = module.DefineType("MediaBenchTests", TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Class, typeof(BenchmarkTestsBase));
        var baseConstructor = typeof(BenchmarkTestsBase).GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, [typeof(BenchmarkRun)])!;
        var constructor = type.DefineConstructor(MethodAttributes.Public, CallingConventions.Standard, [typeof(BenchmarkRun)]);
        var il = constructor.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Call, baseConstructor);
        il.Emit(OpCodes.Ret);
        return new MediaBenchmark(root, name, written, assembly, type.CreateType());
    }

    /// <summary>The benchmark's test class (a <see cref="BenchmarkTestsBase"/> of the dynamic assembly) over <paramref name="run"/>.</summary>
    public BenchmarkTestsBase Tests(BenchmarkRun run) => (BenchmarkTestsBase)Activator.CreateInstance(TestClass, run)!;

    /// <summary>The item with id <paramref name="id"/>.</summary>
    public BenchmarkItem Item(string id) => Items.Single(i => i.Id == id);

    /// <summary>The full path of an item's <paramref name="index"/>-th media file.</summary>
    public string MediaFile(string id, int index = 0) => MediaPaths.Resolve(Directory, Item(id).Media[index].Path);

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Root))
        {
            System.IO.Directory.Delete(Root, recursive: true);
        }
    }
}

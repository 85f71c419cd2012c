namespace BenchmarkAgent.Testing;

/// <summary>
/// Names the <see cref="IBenchmarkSubjectFactory"/> that supplies the model under test, e.g.
/// <c>[assembly: BenchmarkSubject(typeof(MySubject))]</c>. It takes precedence over environment variables.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class BenchmarkSubjectAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="factoryType">A type with a public parameterless constructor implementing <see cref="IBenchmarkSubjectFactory"/>.</param>
    public BenchmarkSubjectAttribute(Type factoryType) => FactoryType = factoryType;

    /// <summary>The factory type.</summary>
    public Type FactoryType { get; }

    /// <summary>
    /// The inputs the subject accepts besides text, e.g. <c>Modalities = InputModalities.Image | InputModalities.Audio</c>;
    /// text-only by default, so image and audio items are skipped with a message. <c>BENCHAGENT_SUBJECT_MODALITIES</c>,
    /// when set, takes precedence.
    /// </summary>
    public InputModalities Modalities { get; set; }
}

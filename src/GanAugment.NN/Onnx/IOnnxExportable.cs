namespace GanAugment.NN.Onnx;

/// <summary>
/// A module defined outside this library (a model's own block) that writes itself into an ONNX
/// graph: the nodes that compute its forward in evaluation mode from the value <paramref name="input"/>.
/// </summary>
public interface IOnnxExportable
{
    /// <summary>Adds this module's nodes; returns the name of its output.</summary>
    string ExportOnnx(OnnxModuleExporter exporter, string input);
}

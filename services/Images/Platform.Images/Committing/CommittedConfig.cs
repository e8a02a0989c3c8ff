using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Images.Images.Format;

namespace Platform.Images.Committing;

/// <summary>What a commit adds on top of its parent image: who, why, from which command, and the layer (null: none).</summary>
public sealed record CommitChild(JsonObject RunConfig, string Author, string Comment, string CreatedBy, string? DiffId, DateTimeOffset Created);

/// <summary>
/// The image config a commit writes (moby's NewChildImage): the parent's config with a new creation time, author,
/// comment and run config, one more history entry (an empty_layer one when the container changed nothing), and the
/// new layer's DiffID after the parent's. The parent's platform fields stay; its v1 leftovers (container,
/// container_config, docker_version, parent, id) go.
/// </summary>
public static class CommittedConfig
{
    static readonly string[] Replaced = ["author", "comment", "config", "container", "container_config", "created", "docker_version", "history", "id", "parent", "rootfs"];

    public static byte[] Write(JsonObject parent, CommitChild child)
    {
        var created = GoTime.Rfc3339Nano(child.Created);
        var config = new JsonObject();
        foreach (var (name, value) in parent)
            if (!Replaced.Contains(name)) config[name] = value?.DeepClone();
        if (child.Author.Length > 0) config["author"] = child.Author;
        if (child.Comment.Length > 0) config["comment"] = child.Comment;
        config["config"] = child.RunConfig.DeepClone();
        config["created"] = created;
        config["history"] = History(parent, child, created);
        config["rootfs"] = new JsonObject
        {
            ["type"] = "layers",
            ["diff_ids"] = new JsonArray([.. DiffIds(parent).Select(d => (JsonNode?)d), .. child.DiffId is { } id ? new JsonNode?[] { id } : []]),
        };
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            config.WriteTo(json);
        return buffer.ToArray();
    }

    static JsonArray History(JsonObject parent, CommitChild child, string created)
    {
        var history = parent["history"] is JsonArray previous ? (JsonArray)previous.DeepClone() : [];
        var entry = new JsonObject { ["created"] = created };
        if (child.Author.Length > 0) entry["author"] = child.Author;
        entry["created_by"] = child.CreatedBy;
        if (child.Comment.Length > 0) entry["comment"] = child.Comment;
        if (child.DiffId is null) entry["empty_layer"] = true;
        history.Add(entry);
        return history;
    }

    static IEnumerable<string> DiffIds(JsonObject parent) =>
        parent["rootfs"]?["diff_ids"] is JsonArray ids ? ids.Select(n => n?.GetValue<string>() ?? "") : [];
}

using Platform.Images.Images;
using Platform.Images.Images.Tagging;
using Platform.Images.Images.Writing;

namespace Platform.Images.DockerApi.Tagging;

/// <summary>
/// POST /images/{name}/tag?repo=&amp;tag=: docker tag SRC TARGET → 201. The CLI sends repo normalised
/// (docker.io/library/foo); a tag that pointed at another image moves, untagging it in the same write.
/// </summary>
public static class TagImageEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, string name, CancellationToken cancellationToken)
    {
        var reference = RepositoryTag.Parse(context.Request.Value("repo"), context.Request.Value("tag"))
            ?? throw ImageError.BadRequest("repository name must have at least one component");
        if (reference.FamiliarName == "sha256")
            throw ImageError.BadRequest("refusing to create an ambiguous tag using digest algorithm as name");

        var writer = context.RequestServices.GetRequiredService<ImageWriter>();
        await writer.WriteAsync(async (write, token) =>
        {
            var image = await write.ResolveAsync(name, token);
            var owner = await write.OwnerOfAsync(reference, token);
            await write.AppendAsync(TagImage.Decide(image, owner, new TagImage(reference), write.Now), token);
            return image.ImageId;
        }, cancellationToken);
        return DockerResults.Empty(StatusCodes.Status201Created);
    }
}

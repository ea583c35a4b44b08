namespace Fulcrum.Data.Demo.Shop;

/// <summary>What a review comment is about; the late-delivery complaint is the planted theme.</summary>
public enum ShopTopic { LateDelivery, Damaged, WrongItem, Praise, Neutral }

/// <summary>Short review comments in English, Portuguese and Spanish, written like marketplace reviews (accents, and the same words without them).</summary>
public static class ShopComments
{
    static readonly Dictionary<(string Language, ShopTopic Topic), string[]> Bank = new()
    {
        [("en", ShopTopic.LateDelivery)] = ["The order arrived two weeks late.", "Still waiting for my delivery, very late.", "Delivery took far longer than promised.", "Late delivery again, not happy.", "It came after the promised date and nobody told me."],
        [("en", ShopTopic.Damaged)] = ["The product arrived broken.", "Box was damaged and the item scratched.", "Arrived damaged, poor packaging."],
        [("en", ShopTopic.WrongItem)] = ["I received the wrong item.", "Not what I ordered, wrong colour.", "They sent a different product."],
        [("en", ShopTopic.Praise)] = ["Great product, fast delivery!", "Exactly as described, very happy.", "Excellent quality, I recommend it.", "Arrived early and works perfectly.", "Love it, will buy again."],
        [("en", ShopTopic.Neutral)] = ["It's okay.", "Does the job.", "Average product for the price.", "As expected."],
        [("pt", ShopTopic.LateDelivery)] = ["O pedido chegou com duas semanas de atraso.", "Ainda não recebi o produto, muito atrasado.", "Ainda nao recebi o produto.", "A entrega demorou muito mais do que o prometido.", "Entrega atrasada de novo, péssimo.", "Não recebi ate agora, prazo vencido."],
        [("pt", ShopTopic.Damaged)] = ["O produto chegou quebrado.", "A caixa veio amassada e o produto riscado.", "Chegou danificado, embalagem ruim."],
        [("pt", ShopTopic.WrongItem)] = ["Recebi o produto errado.", "Não é o que eu pedi, cor errada.", "Enviaram outro produto."],
        [("pt", ShopTopic.Praise)] = ["Ótimo produto, entrega rápida!", "Otimo produto, chegou antes do prazo.", "Exatamente como descrito, muito satisfeito.", "Excelente qualidade, super recomendo.", "Adorei, vou comprar de novo."],
        [("pt", ShopTopic.Neutral)] = ["Bom.", "Produto ok.", "Cumpre o que promete.", "Normal, como esperado."],
        [("es", ShopTopic.LateDelivery)] = ["El pedido llegó con dos semanas de retraso.", "Todavía no recibí mi pedido, muy tarde.", "Todavia no recibi el producto.", "La entrega tardó mucho más de lo prometido.", "Entrega atrasada otra vez, muy mal."],
        [("es", ShopTopic.Damaged)] = ["El producto llegó roto.", "La caja vino dañada y el producto rayado.", "Llegó dañado, mal embalaje."],
        [("es", ShopTopic.WrongItem)] = ["Recibí el producto equivocado.", "No es lo que pedí, color equivocado.", "Enviaron otro producto."],
        [("es", ShopTopic.Praise)] = ["¡Excelente producto, entrega rápida!", "Tal como se describe, muy contento.", "Muy buena calidad, lo recomiendo.", "Me encanta, volveré a comprar."],
        [("es", ShopTopic.Neutral)] = ["Está bien.", "Cumple su función.", "Producto normal para el precio.", "Como esperaba."],
    };

    public static string Pick(Random rng, string language, ShopTopic topic)
    {
        var options = Bank[(language, topic)];
        return options[rng.Next(options.Length)];
    }

    /// <summary>The topic of a comment on an order with this CSAT and delivery.</summary>
    public static ShopTopic TopicFor(Random rng, int csat, bool late) => csat switch
    {
        >= 4 => ShopTopic.Praise,
        3 => late && rng.NextDouble() < 0.5 ? ShopTopic.LateDelivery : ShopTopic.Neutral,
        _ => late ? ShopTopic.LateDelivery : rng.NextDouble() < 0.5 ? ShopTopic.Damaged : ShopTopic.WrongItem,
    };
}

"""RemoteNet's architecture: the parameter counts and shapes the reference pins down."""
import pytest
import torch

from remotenet.model import PretrainedWeightsUnavailable, RemoteNet
from remotenet.model.attention import GlobalLocalAttention, window_partition, window_reverse
from remotenet.model.summary import main as summary_main


def count(module: torch.nn.Module) -> int:
    return sum(p.numel() for p in module.parameters())


@pytest.fixture(scope="module")
def model() -> RemoteNet:
    torch.manual_seed(0)
    return RemoteNet(num_classes=6, in_channels=3).eval()


def test_parameter_counts_match_reference_summary(model):
    assert count(model) == 14_701_150
    assert count(model.Encoder) == 13_496_000
    assert count(model.Decoder.block4.attn) == 63_816
    assert count(model.Decoder.F1) == 20_544 + 41_344 + 36_992
    assert count(model.Decoder.FRM.cnn3) == 103_104


def test_1024_tile_gives_full_resolution_logits(model):
    with torch.inference_mode():
        out = model(torch.randn(1, 3, 1024, 1024))
    assert out.shape == (1, 6, 1024, 1024)
    assert torch.isfinite(out).all()


@pytest.mark.parametrize("height,width", [(1000, 1000), (500, 376), (33, 47), (1, 1), (300, 260)])
def test_any_input_size_returns_same_size(model, height, width):
    with torch.inference_mode():
        out = model(torch.randn(2, 3, height, width))
    assert out.shape == (2, 6, height, width)
    assert torch.isfinite(out).all()


def test_padding_is_inside_and_cropped_back(model):
    """An input of 250 x 230 is padded at the bottom and right to 256 x 256 inside the network and
    its logits cropped back: they equal the top-left 250 x 230 of the logits of the padded input
    (so nothing is shifted), and differ from the crop of a different padding (so padding happens)."""
    from remotenet.model.layers import pad_bottom_right

    x = torch.randn(1, 3, 250, 230)
    with torch.inference_mode():
        logits = model(x)
        padded = model(pad_bottom_right(x, 6, 26))[:, :, :250, :230]
        zero_padded = model(torch.nn.functional.pad(x, (0, 26, 0, 6)))[:, :, :250, :230]
    assert logits.shape == (1, model.num_classes, 250, 230)
    torch.testing.assert_close(logits, padded, rtol=1e-4, atol=1e-4)
    assert not torch.allclose(logits, zero_padded, atol=1e-4)


@pytest.mark.parametrize("bands", [1, 4, 13])
def test_band_counts_adapt_the_patch_embedding(bands):
    net = RemoteNet(num_classes=2, in_channels=bands).eval()
    assert net.Encoder.Encoder.patch_embed.proj.weight.shape[1] == bands
    with torch.inference_mode():
        assert net(torch.randn(1, bands, 64, 96)).shape == (1, 2, 64, 96)


def test_wrong_band_count_is_a_clear_error(model):
    with pytest.raises(ValueError, match=r"expected input of shape \(B, 3, H, W\)"):
        model(torch.randn(1, 4, 64, 64))


def test_window_attention_equals_attention_within_each_window():
    """The global branch attends only within each 8x8 window (checked against a plain loop)."""
    torch.manual_seed(1)
    attn = GlobalLocalAttention(dim=16, num_heads=4, window_size=8).eval()
    torch.nn.init.normal_(attn.relative_position_bias_table, std=0.5)
    x = torch.randn(2, 16, 16, 24)
    with torch.no_grad():
        fast = attn.window_attention(x)
        qkv = attn.qkv(x)
        q, k, v = qkv.chunk(3, dim=1)
        bias = attn.relative_position_bias()
        slow = torch.zeros_like(x)
        heads, head_dim = 4, 4
        for b in range(2):
            for wy in range(0, 16, 8):
                for wx in range(0, 24, 8):
                    for h in range(heads):
                        chans = slice(h * head_dim, (h + 1) * head_dim)
                        # tokens in row-major order inside the window: (8*8, d)
                        qw = q[b, chans, wy:wy + 8, wx:wx + 8].reshape(head_dim, 64).T
                        kw = k[b, chans, wy:wy + 8, wx:wx + 8].reshape(head_dim, 64).T
                        vw = v[b, chans, wy:wy + 8, wx:wx + 8].reshape(head_dim, 64).T
                        weights = torch.softmax(qw @ kw.T * attn.scale + bias[h], dim=-1)
                        slow[b, chans, wy:wy + 8, wx:wx + 8] = (weights @ vw).T.reshape(head_dim, 8, 8)
    torch.testing.assert_close(fast, slow, rtol=1e-5, atol=1e-5)


def test_window_attention_does_not_leak_across_windows():
    torch.manual_seed(2)
    attn = GlobalLocalAttention(dim=16, num_heads=4, window_size=8).eval()
    x = torch.randn(1, 16, 16, 16)
    y = x.clone()
    y[:, :, 8:, 8:] += 5.0  # change only the bottom-right window
    with torch.no_grad():
        a, b = attn.window_attention(x), attn.window_attention(y)
    assert torch.equal(a[:, :, :8, :], b[:, :, :8, :])
    assert torch.equal(a[:, :, 8:, :8], b[:, :, 8:, :8])
    assert not torch.equal(a[:, :, 8:, 8:], b[:, :, 8:, 8:])


def test_window_partition_round_trip():
    x = torch.randn(2, 12, 16, 24)
    windows = window_partition(x, 8, 3)
    assert windows.shape == (2 * 2 * 3, 3, 64, 4)
    assert torch.equal(window_reverse(windows, 8, 2, 16, 24), x)


def test_pretrained_encoder_offline_fails_clearly(monkeypatch, tmp_path):
    import huggingface_hub.constants

    # The hub reads these at import time; patch the constant too so nothing tries the network.
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path))
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", True)
    with pytest.raises(PretrainedWeightsUnavailable, match="pretrained_encoder=False"):
        RemoteNet(num_classes=2, pretrained_encoder=True)


def test_summary_prints_reference_total(capsys):
    summary_main([])
    out = capsys.readouterr().out
    assert "Total params: 14,701,150" in out
    assert "Encoder params: 13,496,000" in out
    rows = {line.split()[0]: line.split()[-1] for line in out.splitlines() if line.startswith("Decoder.")}
    assert rows["Decoder.F1.attention_map"] == "41,344"
    assert rows["Decoder.FRM.cnn3"] == "103,104"
    assert rows["Decoder.block4.attn"] == "63,816"


def test_drop_path_regularises_training_only():
    """Stochastic depth adds no parameters and leaves inference deterministic."""
    torch.manual_seed(0)
    net = RemoteNet(num_classes=2, in_channels=1, drop_path_rate=0.3)
    assert count(net) == count(RemoteNet(num_classes=2, in_channels=1))
    x = torch.randn(1, 1, 64, 64)
    net.eval()
    with torch.no_grad():
        assert torch.equal(net(x), net(x))
    net.train()
    torch.manual_seed(1)
    with torch.no_grad():
        a = net(x)
    torch.manual_seed(2)
    with torch.no_grad():
        b = net(x)
    assert not torch.equal(a, b)

"""Figures for the conversations store: search over 10,000 conversations, opening a long one.

    python benchmarks/bench_store.py [--conversations 10000] [--keep DIR]

Builds a database of generated conversations (deterministic: same text every run; about
100 MB of text for 10,000), then prints one line per figure: build time, database size,
median / p95 search latency for common, rare and prefix queries, the time to list the
conversations and to load a 1,000-message one, and the cost of a streaming save.
Figures, not pass/fail.
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import string
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop_chat.core.conversation import Conversation, Message, Metrics, Status, Usage
from desktop_chat.core.store import Store

SEED = 20240521
RARE_WORDS = ["quokkaesque", "zanzibarite", "flibbertigibbet", "xylographer", "thixotropy"]
RARE_COPIES = 3  # each rare word is planted in this many messages

# The most frequent English words, in order: the head of the Zipf curve.
_COMMON_TEXT = """
the of and to a in is it you that he was for on are with as I his they be at one have this
from or had by not word but what some we can out other were all there when up use your how
said an each she which do their time if will way about many then them write would like so
these her long make thing see him two has look more day could go come did number sound no
most people my over know water than call first who may down side been now find any new work
part take get place made live where after back little only round man year came show every
good me give our under name very through just form sentence great think say help low line
differ turn cause much mean before move right boy old too same tell does set three want air
well also play small end put home read hand port large spell add even land here must big
high such follow act why ask men change went light kind off need house picture try us again
animal point mother world near build self earth father head stand own page should country
found answer school grow study still learn plant cover food sun four between state keep eye
never last let thought city tree cross farm hard start might story saw far sea draw left
late run while press close night real life few north open seem together next white children
begin got walk example ease paper group always music those both mark often letter until mile
river car feet care second book carry took science eat room friend began idea fish mountain
stop once base hear horse cut sure watch color face wood main enough plain girl usual young
ready above ever red list though feel talk bird soon body dog family direct pose leave song
measure door product black short numeral class wind question happen complete ship area half
rock order fire south problem piece told knew pass since top whole king space heard best
hour better true during hundred five remember step early hold west ground interest reach
fast verb sing listen six table travel less morning ten simple several vowel toward war lay
against pattern slow center love person money serve appear road map rain rule govern pull
cold notice voice unit power town fine certain fly fall lead cry dark machine note wait plan
figure star box noun field rest correct able pound done beauty drive stood contain front
teach week final gave green oh quick develop ocean warm free minute strong special mind
behind clear tail produce fact street inch multiply nothing course stay wheel full force
blue object decide surface deep moon island foot system busy test record boat common gold
possible plane stead dry wonder laugh thousand ago ran check game shape equate hot miss
brought heat snow tire bring yes distant fill east paint language among
"""
COMMON = _COMMON_TEXT.split()

SYLLABLES = [c + v for c in "bcdfghjklmnprstvwz" for v in ["a", "e", "i", "o", "u", "ai", "ou"]]


def vocabulary(rng: random.Random, size: int = 60_000) -> list[str]:
    words = list(dict.fromkeys(COMMON))
    seen = set(words) | set(RARE_WORDS)
    while len(words) < size:
        word = "".join(rng.choices(SYLLABLES, k=rng.choice((2, 2, 3, 3, 3, 4))))
        word += rng.choice(["", "", "", "s", "ed", "ing", "tion", "er"])
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


class TextMaker:
    """Sentences whose words follow a Zipf law over the vocabulary, plus some code."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.words = vocabulary(rng)
        weights = [1.0 / (rank + 1) ** 1.07 for rank in range(len(self.words))]
        self.cumulative = list(itertools.accumulate(weights))

    def word_at_rank(self, rank: int) -> str:
        return self.words[rank]

    def text(self, approx_chars: int) -> str:
        rng, out, size = self.rng, [], 0
        while size < approx_chars:
            if rng.random() < 0.06:
                name = rng.choice(self.words[300:3000])
                body = f"def {name}(x):\n    return x * {rng.randint(2, 99)}\n"
                para = f"```python\n{body}```"
            else:
                sentences = []
                for _ in range(rng.randint(2, 6)):
                    n = rng.randint(6, 24)
                    words = rng.choices(self.words, cum_weights=self.cumulative, k=n)
                    sentence = " ".join(words)
                    sentences.append(sentence[0].upper() + sentence[1:] + rng.choice(".?.!."))
                para = " ".join(sentences)
            out.append(para)
            size += len(para) + 2
        return "\n\n".join(out)


def make_conversation(maker: TextMaker, index: int, n_messages: int | None = None) -> Conversation:
    rng = maker.rng
    start = 1_600_000_000.0 + index * 3600.0
    conv = Conversation(created_at=start)
    count = n_messages or rng.choice((2, 4, 4, 6, 6, 8, 10, 12, 16))
    for i in range(count):
        at = start + i * 30.0
        if i % 2 == 0:
            text = maker.text(rng.randint(80, 900))
            conv.messages.append(
                Message(role="user", content=[{"type": "text", "text": text}], created_at=at)
            )
            continue
        content = []
        if rng.random() < 0.4:
            content.append(
                {
                    "type": "thinking",
                    "thinking": maker.text(rng.randint(200, 1700)),
                    "signature": "".join(rng.choices(string.ascii_letters, k=120)),
                }
            )
        content.append({"type": "text", "text": maker.text(rng.randint(400, 2800))})
        conv.messages.append(
            Message(
                role="assistant",
                content=content,
                created_at=at,
                model="claude-sonnet-5-5",
                api_message_id=f"msg_{index}_{i}",
                request_id=f"req_{index}_{i}",
                stop_reason="end_turn",
                usage=Usage(
                    input_tokens=rng.randint(10, 9000), output_tokens=rng.randint(50, 2000)
                ),
                metrics=Metrics(started_at=at, finished_at=at + 9, ttft_s=0.6, tokens_per_s=70.0),
                status=Status.COMPLETE,
            )
        )
    first = conv.messages[0].text.split(".")[0]
    conv.title = first[:60]
    return conv


def text_size(conv: Conversation) -> int:
    return sum(
        len(b.get("text", "")) + len(b.get("thinking", ""))
        for m in conv.messages
        for b in m.content
    )


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def figure(name: str, value: str) -> None:
    print(f"{name:<52} {value}", flush=True)


def latency(name: str, timings: list[float], extra: str = "") -> None:
    ms = [t * 1000 for t in timings]
    figure(name, f"median {statistics.median(ms):8.2f} ms   p95 {p95(ms):8.2f} ms  {extra}")


def build(store: Store, maker: TextMaker, n: int) -> tuple[int, int, Conversation]:
    rng = maker.rng
    total_chars = total_messages = 0
    batch: list[Conversation] = []
    plant = {(rng.randrange(n), word): None for word in RARE_WORDS for _ in range(RARE_COPIES)}
    long_index = n // 2
    long_conv = None
    for i in range(n):
        conv = make_conversation(maker, i, 1000 if i == long_index else None)
        for (target, word), _ in plant.items():
            if target == i:
                m = conv.messages[-1]
                m.content[-1]["text"] += f" And then, {word}."
        if i == long_index:
            long_conv = conv
        total_chars += text_size(conv)
        total_messages += len(conv.messages)
        batch.append(conv)
        if len(batch) == 100:
            store.add_conversations(batch)
            batch = []
    if batch:
        store.add_conversations(batch)
    assert long_conv is not None
    return total_chars, total_messages, long_conv


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--conversations", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, help="build the database in DIR and keep it")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "conversations.db"
        if path.exists():
            sys.exit(f"{path} exists: give an empty --keep folder")
        maker = TextMaker(random.Random(SEED))

        store = Store.open(path)
        start = time.perf_counter()
        chars, messages, long_conv = build(store, maker, args.conversations)
        build_s = time.perf_counter() - start
        store._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store.close()
        size = sum(p.stat().st_size for p in folder.glob("conversations.db*"))
        figure(
            "corpus",
            f"{args.conversations:,} conversations, {messages:,} messages, "
            f"{chars / 1e6:.1f} MB of text",
        )
        figure(
            "build (add_conversations, 100 per transaction)",
            f"{build_s:8.1f} s   ({build_s / args.conversations * 1000:.2f} ms per conversation)",
        )
        figure("database size", f"{size / 1e6:8.1f} MB")

        start = time.perf_counter()
        store = Store.open(path)
        figure("open the store", f"{(time.perf_counter() - start) * 1000:8.2f} ms")
        try:
            run_queries(store, maker)
            latency("list_conversations (all)", timed(store.list_conversations, 20))
            latency(
                "list_conversations (first 200)",
                timed(lambda: store.list_conversations(limit=200), 20),
            )
            first = timed(lambda: store.load(long_conv.id), 1)
            later = timed(lambda: store.load(long_conv.id), 20)
            figure(
                "load a 1,000-message conversation",
                f"first {first[0] * 1000:.1f} ms   "
                f"then median {statistics.median(later) * 1000:.1f} ms   "
                f"({text_size(long_conv) / 1e6:.1f} MB of text)",
            )
            streaming_save(store)
        finally:
            store.close()
    return 0


def run_queries(store: Store, maker: TextMaker) -> None:
    rng = random.Random(7)
    groups: list[tuple[str, list[str]]] = [
        ("search: most common word ('the ')", ["the "]),
        ("search: common words (rank 20-60)", [maker.word_at_rank(r) + " " for r in range(20, 60)]),
        (
            "search: mid-frequency words (rank ~2,000)",
            [maker.word_at_rank(r) + " " for r in range(2000, 2040)],
        ),
        (
            "search: rare words (rank ~50,000)",
            [maker.word_at_rank(r) + " " for r in range(50_000, 50_040)],
        ),
        (f"search: planted words ({RARE_COPIES} messages each)", [w + " " for w in RARE_WORDS]),
        (
            "search: typing the first 1-4 letters of a word",
            [w[:k] for w in rng.sample(maker.words[:500], 10) for k in range(1, 5)],
        ),
        (
            "search: two words, last one a prefix",
            [
                maker.word_at_rank(rng.randrange(50, 400))
                + " "
                + maker.word_at_rank(rng.randrange(300, 3000))[:4]
                for _ in range(40)
            ],
        ),
    ]
    for name, queries in groups:
        timings, hits = [], []
        for _ in range(3 if len(queries) < 10 else 1):
            for q in queries:
                start = time.perf_counter()
                found = store.search(q)
                timings.append(time.perf_counter() - start)
                hits.append(len(found))
        latency(name, timings, f"({statistics.median(hits):.0f} hits of 50 max, median)")
    planted = store.search(RARE_WORDS[0])
    assert len(planted) == RARE_COPIES, planted


def streaming_save(store: Store) -> None:
    conv = Conversation(title="streaming")
    store.save_conversation(conv)
    reply = Message(role="assistant", content=[], status=Status.STREAMING)
    store.append_message(conv.id, reply)
    sentence = "The quick brown fox jumps over the lazy dog, again and again. "
    text = sentence * 330  # ~20 KB
    timings = []
    for i in range(1, 401):
        reply.content = [{"type": "text", "text": text[: len(text) * i // 400]}]
        start = time.perf_counter()
        store.update_message(reply)
        timings.append(time.perf_counter() - start)
        time.sleep(0.005)  # the app saves every 500 ms; some pause lets the checkpoint run
    latency(
        "update_message, reply growing to 20 KB (400 saves)",
        timings,
        f"max {max(timings) * 1000:.2f} ms",
    )
    reply.status = Status.COMPLETE
    start = time.perf_counter()
    store.update_message(reply)
    figure(
        "update_message, 20 KB reply completes (indexed)",
        f"{(time.perf_counter() - start) * 1000:8.2f} ms",
    )


if __name__ == "__main__":
    sys.exit(main())

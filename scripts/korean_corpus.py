"""A generated corpus of Korean articles with a realistic vocabulary, for search tests and benchmarks.

Unlike the build benchmark's corpus (the real article's body repeated), every article here has its own
text: sentences of nouns with particles and verbs with endings, drawn from a Zipf-distributed vocabulary
of real words plus made-up nouns (so the number of distinct words grows with the corpus, as real sites'
do), titles with a number, and 4–7 tags. Some articles use words the real article uses (번아웃,
실리콘밸리, 떠나다…) in their text only, so that the real article has to be ranked, not merely found.

    from korean_corpus import generate
    generate(docs_dir, 1000, seed=20261127)
"""

from __future__ import annotations

import random
from pathlib import Path


def _words(text: str) -> list[str]:
    return text.split()


NOUNS = _words(
    """
경제 사회 정치 문화 기술 과학 교육 환경 건강 의료 산업 시장 정책
정부 기업 회사 사람 시민 학생 교사 연구 개발 분석 보고서 자료 정보
데이터 통계 결과 원인 문제 해결 방법 과정 변화 성장 발전 위기 기회
전략 계획 목표 가치 의미 역사 미래 현재 세대 지역 도시 농촌 바다
하늘 에너지 전기 자동차 배터리 반도체 소프트웨어 하드웨어 인터넷
네트워크 보안 개인정보 플랫폼 서비스 고객 소비자 가격 물가 금리 투자
주식 부동산 예산 세금 법률 제도 규제 선거 국회 대통령 외교 안보 평화
전쟁 기후 탄소 재활용 쓰레기 음식 요리 여행 운동 축구 야구 음악 영화
드라마 소설 미술 사진 건축 디자인 언어 한글 번역 출판 신문 방송 광고
마케팅 브랜드 제품 품질 생산 공장 노동 일자리 임금 복지 연금 보험
병원 의사 간호사 약물 백신 질병 치료 수술 마음 감정 스트레스 수면
휴식 가족 부모 자녀 친구 이웃 공동체 마을 학교 대학 도서관 박물관
공원 숲 강 산 섬 날씨 계절 봄 여름 가을 겨울
"""
)
VERBS = _words(
    """
만들 보 찾 읽 쓰 배우 가르치 바꾸 줄이 늘리 살피 지키 돕 나누 모으
고치 열 닫 걷 달리 기다리 믿 묻 답하 생각하 발표하 준비하 시작하
설명하 비교하 조사하 확인하 논의하 결정하 선택하 사용하 관리하 운영하
지원하
"""
)
ENDINGS = ["다", "고", "는", "며", "면서", "었다", "습니다", "었습니다", "을", "는데", "어서", "지만"]
PARTICLES = ["은", "는", "이", "가", "을", "를", "의", "에", "에서", "으로", "와", "과", "도", "만", "까지"]
SYLLABLES = (
    "가나다라마바사아자차카타파하거너더러머버서어저처커터퍼허고노도로모보소오조초코토"
    "포호구누두루무부수우주추쿠투푸후그느드르므브스으즈츠크트프흐기니디리미비시이지치"
    "키티피히"
)
# Words of the real article, used in some generated texts (never in their titles or tags).
SHARED = ["번아웃", "실리콘밸리", "인공지능", "인재", "기술", "투자", "로봇", "에너지", "구조조정", "OpenAI"]
SHARED_VERBS = ["떠나", "이탈하", "도망가"]


def _made_up(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def _particle(noun: str, rng: random.Random) -> str:
    return noun + rng.choice(PARTICLES)


def _verb(stem: str, rng: random.Random) -> str:
    return stem + rng.choice(ENDINGS)


def vocabulary(n: int, rng: random.Random) -> list[str]:
    """Real nouns first (the most frequent), then made-up ones: about 12 new words per article."""
    made = {_made_up(rng) for _ in range(12 * n)} - set(NOUNS)
    return NOUNS + sorted(made)


def generate(docs: Path, n: int, seed: int = 20261127) -> list[Path]:
    rng = random.Random(seed)
    words = vocabulary(n, rng)
    weights = [1 / (rank + 1) for rank in range(len(words))]  # Zipf
    tags = [w for w in NOUNS if len(w) >= 2][:80] + [
        f"{a}{b}" for a, b in zip(NOUNS[::3], NOUNS[1::3], strict=False)
    ]
    folder = docs / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        chosen = rng.choices(words, weights, k=220)
        sentences = []
        for start in range(0, len(chosen), 11):
            part = chosen[start : start + 11]
            text = [_particle(w, rng) if k % 3 != 2 else w for k, w in enumerate(part[:-1])]
            if rng.random() < 0.01:
                text.insert(rng.randrange(len(text) + 1), _particle(rng.choice(SHARED), rng))
            verb = rng.choice(SHARED_VERBS) if rng.random() < 0.005 else rng.choice(VERBS)
            sentences.append(" ".join([*text, _verb(verb, rng)]) + ".")
        paragraphs = [" ".join(sentences[k : k + 4]) for k in range(0, len(sentences), 4)]
        title_words = rng.sample(words[:400], 3)
        title = f"{title_words[0]}와 {title_words[1]}의 {title_words[2]} 이야기 {i + 1000}"
        chosen_tags = rng.sample(tags, rng.randint(4, 7))
        text = (
            f"---\ndate: {2020 + i % 6}-{1 + i % 12:02d}-{1 + i % 28:02d}\n---\n\n# {title}\n\n"
            + "\n\n".join(paragraphs)
            + "\n\n"
            + " ".join(f"#{t}" for t in chosen_tags)
            + "\n"
        )
        path = folder / f"g{i:05d}.md"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths

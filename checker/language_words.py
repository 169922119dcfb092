"""The commonest words of English and of the languages ``checker.language`` tells apart."""

# Made by scripts/make_language_words.py from wordfreq's lists: do not edit by hand.
COMMON = {
    "en": frozenset(
        "the to and of a in i is for that you it on with this was be as are have at he not by but from my or "
        "we an your all so his they me if one can will "
        .split()
    ),
    "es": frozenset(
        "de la que el en y a los no un se por es del las con una para lo su al como me más si pero te o mi "
        "le este sus esta todo ya ha cuando yo ser son "
        .split()
    ),
    "pt": frozenset(
        "de a o que e do em da é para não um uma com no se na por os eu como as mais dos mas foi ao me você "
        "ser seu sua tem são das ou à ele muito isso "
        .split()
    ),
    "fr": frozenset(
        "de la le et l à les est en des d un que a pas une du il pour dans je qui c au ce sur qu par on ne "
        "plus avec j n mais se vous s ça tu "
        .split()
    ),
    "de": frozenset(
        "die der und in das ich ist nicht zu den von mit es ein auf für im sie eine sich auch dem des als er "
        "an dass so bei wie aber aus hat sind nach noch wir du war nur "
        .split()
    ),
    "it": frozenset(
        "di e che il la a in non un per è del l i una le si con della da sono ma al ha come più dei se nel "
        "mi alla anche lo gli delle o questo ho ci su "
        .split()
    ),
    "nl": frozenset(
        "de van het een en in is op ik dat voor je te met niet zijn die als er maar om aan hij ook ze door "
        "naar uit bij dan dit was we wat heeft of over nog deze hebben "
        .split()
    ),
    "id": frozenset(
        "yang dan di ini dari untuk dengan itu bisa aku ada tidak akan adalah dalam pada kita orang ke juga "
        "anda dia saya ya kamu lebih apa sudah mereka tapi karena atau menjadi tak baik jadi harus satu lagi "
        "seperti "
        .split()
    ),
    "pl": frozenset(
        "w i nie na się to z do jest że o jak a ale co tak za od po dla tym czy przez tego są ma tylko już "
        "mi mnie ze może bo ja ten oraz bardzo będzie być jego "
        .split()
    ),
    "tr": frozenset(
        "ve bir bu için de da çok ile ne daha en gibi olarak her kadar o olan ben var ama sonra ki iyi yok "
        "ya 1 değil 2 sen büyük 3 yeni güzel sadece zaman ilk iki mi hiç ise "
        .split()
    ),
    "sv": frozenset(
        "är det att och i jag på en inte som för med har av om du så till den de ett kan vi men man var ska "
        "när nu vad från här mig bara eller han då hur kommer alla "
        .split()
    ),
    "ru": frozenset(
        "в и на не с что я по а как из это за для о к но то у его он от все так же мы до ты только был если "
        "когда было мне 1 меня уже еще бы или "
        .split()
    ),
    "uk": frozenset(
        "в на не і у з що та до це за а я як про для від так україни але він його все то є ви по ми й ще які "
        "під вже коли якщо або року було вони із "
        .split()
    ),
    "vi": frozenset(
        "là và có của được một các không trong cho người này với ở đã thể để như những đến khi làm sẽ từ ra "
        "công họ tại về vào đó cũng thành lại đầu chỉ năm sự tôi bị "
        .split()
    ),
}

"""
Turkish demo content: home, the counselling page, the Lotse's introduction, the employer page and the short
introductions of the directory pages. The other pages fall back to English.

Names of German institutions stay German where people meet them in letters and on signs, with a Turkish
explanation.
"""

from programme.demo_content.blocks import (
    employer_guide,
    employer_step,
    faq,
    faq_item,
    figure,
    figures,
    lotse_form,
    page,
    partner_link,
    partner_links,
    process_chain,
    process_step,
    text,
)
from programme.demo_content.links import (
    ANERKENNUNG_URL,
    CHARTA_URL,
    FAIRE_INTEGRATION_URL,
    HOTLINE,
    INQA_URL,
    MAKE_IT_IN_GERMANY_URL,
    ZSBA_URL,
)

L = "/tr"
PERIOD = "Ocak 2019 – Aralık 2020"

PAGES = {
    "home": page(
        "Ana sayfa",
        text(
            """
<p class="lead">Mesleğinizi yurt dışında mı öğrendiniz ya da orada üniversite mi okudunuz ve şimdi Almanya'da bu
meslekte çalışmak mı istiyorsunuz? “Integration durch Qualifizierung (IQ)” (Nitelendirme Yoluyla Entegrasyon) ağının
danışma merkezleri size yardımcı olur – ücretsiz olarak ve vatandaşlığınız ya da oturum durumunuz ne olursa olsun.</p>
"""
        ),
        lotse_form(
            "Danışma merkezi bulun",
            intro="Posta kodunuzu veya yaşadığınız yerin adını girin. Size en yakın danışma merkezlerini ve bölgenize "
            "gelen mobil danışmanlığı göreceksiniz.",
            field_label="Posta kodu veya yer",
            field_hint="Örneğin 10115 veya Leipzig",
            button_label="Danışma merkezi bul",
            link_text="Diğer arama seçenekleri: konu, dil, mobil danışmanlık",
        ),
        text(
            """
<h2>IQ danışmanlığı size nasıl yardımcı olur?</h2>
<ul>
<li><strong>Denklik (tanınma):</strong> Diplomanızın tanınıp tanınamayacağını, bunun nasıl olacağını ve kimin karar
verdiğini açıklarız.</li>
<li><strong>Mesleki yeterlilik:</strong> Eksik bir şey varsa, sizinle birlikte uygun bir kurs buluruz.</li>
<li><strong>Adil çalışma:</strong> Ücret, çalışma saatleri veya işten çıkarma hakkında sorularınız mı var?
“Faire Integration” (Adil Entegrasyon) danışmanlığı size yol gösterir.</li>
</ul>
<p>Danışmanlık gizlidir. Yüz yüze, telefonla, görüntülü görüşmeyle veya e-postayla yapılır; çoğu zaman kendi dilinizde
de mümkündür. Mobil danışmanlık belirli günlerde küçük yerleşim yerlerine de gelir.</p>
"""
        ),
        figures(
            "Bir bakışta IQ",
            PERIOD,
            figure(
                174,
                "danışma merkezi",
                part=74,
                part_label="sabit danışma merkezi",
                rest_label="mobil danışma merkezi",
                chart="donut",
            ),
            figure(
                185365,
                "danışmanlık görüşmesi",
                part=95690,
                part_label="ilk görüşme",
                rest_label="takip görüşmesi",
            ),
            figure(16, "eyalet ağı (Landesnetzwerk) – her eyalette bir tane"),
        ),
        text(
            f"""
<h2>İşverenler için</h2>
<p>Yurt dışından nitelikli çalışan mı almak istiyorsunuz? Size adımları gösterir ve bölgenizdeki irtibat noktasını
söyleriz.</p>
<p><a href="{L}/arbeitgeber/">İşverenler için rehbere gidin</a></p>
<h2>Program hakkında</h2>
<p>IQ, 16 eyalet ağında yaklaşık 400 projeden oluşan, Almanya genelinde bir destek programıdır.</p>
<p><a href="{L}/programm/">IQ programı hakkında daha fazla bilgi (İngilizce)</a></p>
"""
        ),
        page_title="Mesleğinizle Almanya'da çalışın",
        meta_description="Yurt dışında edinilmiş mesleki yeterliliklerin tanınması ve mesleki gelişim hakkında "
        "ücretsiz danışmanlık: Size yakın bir IQ danışma merkezi bulun.",
    ),
    "landesnetzwerke": page(
        "Eyalet ağları",
        text(
            "<p>Her eyalette bir IQ eyalet ağı (Landesnetzwerk) programı yürütür. Burada 16 ağın tamamını danışma "
            "merkezleriyle birlikte bulabilirsiniz.</p>"
        ),
        meta_description="16 IQ eyalet ağı – her eyalette bir tane – ve danışma merkezleri.",
    ),
    "fachstellen": page(
        "Uzmanlık merkezleri",
        text(
            "<p>Almanya genelinde çalışan beş uzmanlık merkezi (Fachstellen), kendi konularındaki bilgi birikimiyle "
            "eyalet ağlarını destekler.</p>"
        ),
        meta_description="Beş IQ uzmanlık merkezi ve konuları.",
    ),
    "beratung": page(
        "Denklik ve mesleki yeterlilik danışmanlığı",
        text(
            f"""
<p class="lead">Mesleki eğitiminizi ya da üniversiteyi yurt dışında tamamladınız ve Almanya'da mesleğinizde çalışmak mı
istiyorsunuz? IQ danışmanlığı size yolu gösterir. Danışmanlık ücretsiz ve gizlidir.</p>
<h2>Danışmanlık kimler için?</h2>
<ul>
<li>yurt dışında mesleki eğitim, üniversite diploması veya iş deneyimi edinmiş kişiler için,</li>
<li>vatandaşlığınız ve oturum durumunuz ne olursa olsun,</li>
<li>ister yeni gelmiş olun ister uzun yıllardır Almanya'da yaşıyor olun.</li>
</ul>
<p>Sevk belgesine ihtiyacınız yok. Birçok kişi Jobcenter ya da İş Ajansı (Agentur für Arbeit) aracılığıyla gelir; ancak
bir danışma merkezine doğrudan da başvurabilirsiniz.</p>
<p>Hâlâ yurt dışında mı yaşıyorsunuz? O zaman Federal İş Ajansı'na bağlı <a href="{ZSBA_URL}">Mesleki Tanınma Merkezi
Hizmet Birimi (Zentrale Servicestelle Berufsanerkennung – ZSBA)</a> size danışmanlık verir.</p>
<h2>Danışmanlık nasıl yapılır?</h2>
<ul>
<li><strong>Ücretsiz:</strong> Danışmanlık size hiçbir ücrete mal olmaz.</li>
<li><strong>Birçok dilde:</strong> Pek çok danışma merkezi Almanca ve başka dillerde, örneğin Arapça, Farsça, Ukraynaca,
Türkçe veya İngilizce danışmanlık verir. Lotse arama aracı, bir merkezin hangi dillerde danışmanlık verdiğini
gösterir.</li>
<li><strong>Size uygun şekilde:</strong> Yüz yüze, telefonla, görüntülü görüşmeyle veya e-postayla – tek başınıza ya da
bir grupla.</li>
<li><strong>Kırsal bölgelerde de:</strong> Mobil danışmanlık, kendi danışma merkezi olmayan yerlere belirli görüşme
günlerinde gelir.</li>
<li><strong>Gizli:</strong> Danışmanlar, onayınız olmadan hiçbir bilgiyi başkalarına vermez.</li>
</ul>
"""
        ),
        process_chain(
            "Denklik danışmanlığı: Neler olur?",
            "Tanınma (denklik), bir Alman kurumunun yabancı diplomanızı incelemesi ve bir Alman diplomasına ne ölçüde "
            "denk olduğunu onaylaması demektir. Denklik danışmanlığında (Anerkennungsberatung) bunun sizin için mümkün "
            "olup olmadığını ve nasıl olacağını öğrenirsiniz.",
            process_step(
                "Diplomanız ve hedefiniz",
                "Danışmana neler öğrendiğinizi, nerelerde çalıştığınızı ve Almanya'da mesleki olarak neler yapmak "
                "istediğinizi anlatırsınız.",
            ),
            process_step(
                "Karşılık gelen Alman mesleği",
                "Birlikte karşılık gelen Alman referans mesleğini (Referenzberuf) bulur ve bu mesleğin yasal "
                "düzenlemeye tabi (reglementiert) olup olmadığına bakarsınız. Düzenlemeye tabi mesleklerde – örneğin "
                "tıp, hemşirelik veya öğretmenlikte – ancak denklikle çalışabilirsiniz. Diğer mesleklerde denklik "
                "isteğe bağlıdır, ama iş başvurularında çoğu zaman işe yarar.",
            ),
            process_step(
                "Yetkili kurum",
                "Başvurunuz hakkında kimin karar verdiğini öğrenirsiniz. Bu, mesleğe ve eyalete bağlıdır; örneğin bir "
                "meslek odası ya da bir eyalet kurumu olabilir.",
            ),
            process_step(
                "Belgeler ve masraflar",
                "Danışman hangi belgelere ve çevirilere ihtiyacınız olduğunu, işlemin ne kadar tuttuğunu ve masrafları "
                "başka birinin, örneğin Jobcenter'ın ya da İş Ajansı'nın karşılayıp karşılayamayacağını açıklar.",
            ),
            process_step(
                "Başvuru ve karar",
                "Başvuruda size yardım edilir. Karar yazısı (Bescheid) geldiğinde danışman bunu size açıklar: tam "
                "denklik, farklılıkların belirtildiği kısmi denklik ya da ret – ve sonrasında ne yapacağınız.",
            ),
        ),
        text(
            f"""
<h2>Mesleki yeterlilik danışmanlığı: Neler olur?</h2>
<p>Karar yazısında Alman mesleğiyle farklılıklar mı belirtilmiş ya da niteliklerinize uygun bir iş mi arıyorsunuz? O
zaman mesleki yeterlilik danışmanlığı (Qualifizierungsberatung) sizinle birlikte uygun programı arar:</p>
<ul>
<li><strong>Uyum ve denkleştirme önlemleri:</strong> Düzenlemeye tabi mesleklerde kurslar sizi bilgi sınavına ya da
yeterlilik sınavına hazırlar veya bir uyum kursu farklılıkları giderir.</li>
<li><strong>Köprü programları:</strong> Düzenlemeye tabi olmayan bir alanda, örneğin işletmede, üniversite diplomanız
varsa, bu programlar uygun bir iş bulmanızı kolaylaştırır.</li>
<li><strong>Mesleki Almanca:</strong> İşinizde ihtiyaç duyduğunuz Almanca için kurslar.</li>
<li><strong>Finansman:</strong> Kursun masrafını kimin karşılayabileceğini ve kursun işinize ve ailenize nasıl uyacağını
netleştirirsiniz.</li>
</ul>
<h2>Çalışma hayatındaki haklarınızla ilgili sorular</h2>
<p>Ücret, çalışma saatleri, izin, işten çıkarma veya sağlık sigortası: “Faire Integration” (Adil Entegrasyon)
merkezleri bu tür sorularda mültecilere ve AB dışındaki ülkelerden gelen kişilere danışmanlık verir – ücretsiz, gizli ve
birçok dilde.</p>
<p><a href="{FAIRE_INTEGRATION_URL}">Faire Integration web sitesine gidin</a></p>
<h2>Danışmanlığa yanınızda getirmeniz gerekenler</h2>
<p>Elinizde ne varsa getirin – aslını ya da fotokopisini:</p>
<ul>
<li>mesleki eğitiminize veya öğreniminize ait diploma ve belgeler</li>
<li>varsa ders ve not dökümü (transkript)</li>
<li>iş deneyiminizi gösteren belgeler, örneğin işverenlerden alınan referans yazıları veya çalışma karnesi</li>
<li>tablo şeklinde bir özgeçmiş</li>
<li>pasaportunuz veya kimlik kartınız ve varsa oturum belgeniz</li>
<li>elinizdeki çeviriler ve resmî kurumlardan gelen yazılar, örneğin daha önceki bir karar yazısı</li>
<li>varsa dil sertifikaları</li>
</ul>
<p>Bazı belgeleriniz eksik mi? Yine de gelin. Danışmanlar bu durumda da yardımcı olur, örneğin ülkenizden kaçmak zorunda
kaldıysanız.</p>
"""
        ),
        lotse_form(
            "Size yakın bir danışma merkezi bulun",
            intro="Posta kodunuzu veya yer adını girin. Lotse, en yakın danışma merkezlerini, bölgenizdeki mobil "
            "danışmanlığı ve danışmanlığın hangi dillerde verildiğini gösterir.",
            field_label="Posta kodu veya yer",
            field_hint="Örneğin 10115 veya Leipzig",
            button_label="Danışmanlık bul",
            link_text="Diğer arama seçenekleri: konu, dil, telefonla veya görüntülü danışmanlık",
        ),
        menu_title="Danışmanlık",
        meta_description="Yurt dışında edinilmiş mesleki yeterlilikleri olan kişiler için ücretsiz IQ danışmanlığı: "
        "kimler için olduğu, nasıl yapıldığı, denklik ve mesleki yeterlilik danışmanlığında neler olduğu ve yanınızda "
        "ne getirmeniz gerektiği.",
    ),
    "lotse": page(
        "Danışma merkezi bulun",
        text(
            f"""
<p>Size yakın sabit danışma merkezlerini mesafeye göre sıralanmış olarak ve belirli günlerde bölgenize gelen mobil
danışmanlığı görürsünüz. Filtrelerle belirli bir konuda, kendi dilinizde ya da telefonla veya görüntülü danışmanlık
arayabilirsiniz. Danışmanlık ücretsiz ve gizlidir; oturum durumunuz ne olursa olsun.</p>
<p><a href="{L}/beratung/">Danışmanlıkta neler olur ve yanınızda ne getirmelisiniz?</a></p>
"""
        ),
        menu_title="Danışmanlık bulun",
        meta_description="Posta kodu veya yer adıyla en yakın IQ danışma merkezini bulun – mobil danışmanlık ile kendi "
        "dilinizde, telefonla veya görüntülü danışmanlık dahil.",
    ),
    "arbeitgeber": page(
        "Yurt dışından nitelikli çalışan istihdamı",
        text(
            """
<p class="lead">Nitelikli çalışan mı arıyorsunuz ve yurt dışından adayları mı düşünüyorsunuz? Burada ilk temastan ilk
iş gününe kadar olan adımları – ve bölgenizde işverenlere yönelik irtibat noktasını bulursunuz.</p>
<p>1 Mart 2020'den bu yana Nitelikli İşgücü Göçü Yasası (Fachkräfteeinwanderungsgesetz) yürürlüktedir. O zamandan beri
nitelikli çalışanlar için öncelik kontrolü, yani Almanya'dan veya AB'den uygun bir aday olup olmadığının kontrolü,
yapılmamaktadır. Sonraki reformlar, Fırsat Kartı (Chancenkarte) ve AB Mavi Kart için daha düşük maaş eşikleri gibi yeni
yollar açtı. Bölgesel IQ nitelikli işgücü ağları size ücretsiz danışmanlık verir ve bunu yaparken Federal İş Ajansı'nın
işveren hizmetiyle birlikte çalışır.</p>
"""
        ),
        lotse_form(
            "İşverenler için irtibat noktası bulun",
            intro="İşletmenizin posta kodunu girin. Lotse size en yakın IQ işveren irtibat noktasını gösterir.",
            thema="arbeitgeber",
            field_label="İşletmenizin posta kodu veya yeri",
            field_hint="Örneğin 30159",
            button_label="İrtibat noktası ara",
        ),
        employer_guide(
            "Adım adım yurt dışından nitelikli çalışana",
            "Adımlar birbirinin üzerine kurulur; bazıları, örneğin denklik ve iş sözleşmesi, paralel yürür. Süreler "
            "yaklaşık değerlerdir: Mesleğe, çalışanın geldiği ülkeye ve kurumlara bağlıdır.",
            employer_step(
                "İhtiyacı belirleyin ve nitelikli çalışan bulun",
                what="İşi ve gereken nitelikleri olabildiğince ayrıntılı tanımlayın. İlanı uluslararası düzeyde de "
                "yayımlayın, örneğin Federal İş Ajansı'nın iş borsasında. İş görüşmelerini görüntülü olarak "
                "yapabilirsiniz.",
                who="Bağlı olduğunuz İş Ajansı'nın işveren hizmeti (Arbeitgeber-Service); Federal İş Ajansı'nın Yurt "
                "Dışı ve Uzman İşe Yerleştirme Merkezi (ZAV); “Make it in Germany” portalı.",
                documents=(
                    "Gereklilikleri içeren iş tanımı",
                    "Adayın özgeçmişi ve diplomaları",
                ),
                duration="Birkaç haftadan birkaç aya kadar",
            ),
            employer_step(
                "Diplomanın tanınmasını netleştirin",
                what="Yabancı diplomanın tanınması gerekip gerekmediğini kontrol edin. Düzenlemeye tabi mesleklerde – "
                "örneğin hemşirelik, tıp veya okul öncesi eğitimde – mesleği yapabilmek için denklik şarttır. "
                "Nitelikli çalışanlara yönelik vizelerin çoğu da tanınmış bir diploma ister. Hangi kurumun karar "
                "verdiği, mesleğe ve iş yerinin bulunduğu eyalete bağlıdır; “Anerkennung in Deutschland” portalındaki "
                "“Anerkennungs-Finder” aracı bu kurumu gösterir.",
                who="Yurt dışındaki nitelikli çalışanlar için Mesleki Tanınma Merkezi Hizmet Birimi (ZSBA); Almanya'da "
                "yaşayanlar için IQ denklik danışmanlığı; “Almanya'da Çalışmak ve Yaşamak” yardım hattı: "
                f"{HOTLINE}.",
                documents=(
                    "Diploma ve ders listesi, çevirisiyle birlikte",
                    "İş deneyimini gösteren belgeler",
                    "Kimlik belgesi",
                    "Yetkili kuruma başvuru",
                ),
                duration="Tüm belgeler tamamlandıktan sonra genellikle üç aya kadar",
            ),
            employer_step(
                "İş sözleşmesi veya bağlayıcı iş teklifi",
                what="Bir iş sözleşmesi yapın veya bağlayıcı bir iş teklifinde bulunun. Ücret ve çalışma koşulları, "
                "Almanya'daki benzer çalışanlarınkiyle aynı düzeyde olmalıdır; Federal İş Ajansı bunu birçok durumda "
                "kontrol eder. Bunun için “Erklärung zum Beschäftigungsverhältnis” (çalışma ilişkisine dair beyan) "
                "formunu doldurun.",
                who="Bağlı olduğunuz İş Ajansı'nın işveren hizmeti; bölgesel IQ nitelikli işgücü ağları.",
                documents=(
                    "İş sözleşmesi veya bağlayıcı iş teklifi",
                    "Çalışma ilişkisine dair beyan",
                ),
                duration="Bir ila iki hafta",
            ),
            employer_step(
                "Hızlandırılmış nitelikli işgücü prosedürünü kullanın (isteğe bağlı)",
                what="Nitelikli çalışandan alacağınız bir vekâletnameyle, Oturum Yasası'nın (Aufenthaltsgesetz) "
                "81a maddesine göre hızlandırılmış nitelikli işgücü prosedürü için Yabancılar Dairesi'ne "
                "(Ausländerbehörde) – birçok eyalette bu merkezî bir dairedir – başvurabilirsiniz. Daire, denklik "
                "işlemini takip eder ve Federal İş Ajansı'nın onayını alır; ardından çalışan, Almanya'nın yurt dışı "
                "temsilciliğinden daha hızlı randevu alır. Prosedür süreci hızlandırır, ancak vize garantisi vermez. "
                "Eş ve çocuklar da prosedüre dahil edilebilir. Ücret yasayla belirlenmiştir (bu metin yazıldığında 411 "
                "avro).",
                who="(Merkezî) Yabancılar Dairesi; bölgesel IQ nitelikli işgücü ağları.",
                documents=(
                    "Nitelikli çalışanın vekâletnamesi",
                    "Yabancılar Dairesi ile yapılan anlaşma",
                    "İş sözleşmesi ve denklik belgeleri",
                ),
                duration="Denklik çoğunlukla iki ay içinde; vize randevusu genellikle üç hafta içinde",
            ),
            employer_step(
                "Vize başvurusu",
                what="Nitelikli çalışan, çalışma vizesi için kendi ülkesindeki Alman büyükelçiliğine veya "
                "konsolosluğuna başvurur. Hızlandırılmış prosedür olmadan randevular için bekleme sürelerini hesaba "
                "katmalısınız.",
                who="Almanya'nın yurt dışı temsilciliği; vize seçenekleri için hızlı kontrol (Quick-Check) sunan "
                "“Make it in Germany” portalı.",
                documents=(
                    "Pasaport",
                    "İş sözleşmesi ve çalışma ilişkisine dair beyan",
                    "Denklik kararı veya karşılaştırılabilirlik belgesi",
                    "Sağlık sigortası belgesi",
                    "İstenirse dil belgesi",
                ),
                duration="Ülkeye göre birkaç haftadan birkaç aya kadar",
            ),
            employer_step(
                "Giriş ve adres kaydı",
                what="Taşındıktan sonra nitelikli çalışan, adresini Bürgeramt'a (belediyenin vatandaşlık bürosu) "
                "kaydettirir. Ardından vizesinin süresi dolmadan Yabancılar Dairesi'nden oturum izni talep eder. "
                "Konut, banka hesabı ve sağlık sigortası konusunda destek olun.",
                who="İkamet yerindeki Bürgeramt ve Yabancılar Dairesi; yetişkinler için göç danışmanlığı; IQ danışma "
                "merkezleri.",
                documents=(
                    "Vizeli pasaport",
                    "Ev sahibi onay belgesi (Wohnungsgeberbestätigung)",
                    "Sağlık sigortası belgesi",
                ),
                duration="Taşındıktan sonra iki hafta içinde kayıt",
            ),
            employer_step(
                "İşletmeye uyum",
                what="İlk iş gününü ve işe alıştırma sürecini planlayın: sabit bir irtibat kişisi veya bir mentor, iş "
                "süreçleri ile iş güvenliği hakkında açıklamalar, mesleki Almanca kursları. İyi bir başlangıç – aile "
                "için de – yeni çalışanları işletmenize uzun süre bağlar.",
                who="IQ'nun kültürlerarası açılım ve mesleki Almanca alanındaki hizmetleri; Federal Göç ve Mülteciler "
                "Dairesi'nin (BAMF) mesleki dil kursları; INQA ve “Charta der Vielfalt” (Çeşitlilik Şartı).",
                documents=("İşe alıştırma planı",),
                duration="İlk aylar",
            ),
        ),
        faq(
            "İşverenlerin sık sorduğu sorular",
            faq_item(
                "IQ danışmanlığının ücreti nedir?",
                "Hiçbir ücreti yoktur. IQ ağlarının danışmanlığı, nitelikli çalışanlar için olduğu gibi işverenler "
                "için de ücretsizdir.",
            ),
            faq_item(
                "Yabancı diplomanın her zaman tanınması gerekir mi?",
                "Sağlık meslekleri veya öğretmenlik gibi düzenlemeye tabi mesleklerde evet: Denklik olmadan bu "
                "meslekler yapılamaz. Nitelikli çalışan vizesi için de genellikle tanınmış bir diploma gerekir. "
                "Ancak iş deneyiminin dikkate alındığı ya da denkliğin ülkeye girişten sonra tamamlandığı yollar da "
                "vardır. IQ danışmanlığı hangi yolun uygun olduğunu sizinle birlikte netleştirir.",
            ),
            faq_item(
                "Denklik hakkında kim karar verir?",
                "Bu, mesleğe ve nitelikli çalışanın çalışacağı eyalete bağlıdır – örneğin bir meslek odası ya da bir "
                "eyalet kurumu. “Anerkennung in Deutschland” portalındaki “Anerkennungs-Finder” aracı yetkili kurumu "
                "gösterir.",
            ),
            faq_item(
                "Hızlandırılmış nitelikli işgücü prosedürünün faydası nedir?",
                "Başvuruyu nitelikli çalışan adına Yabancılar Dairesi'ne siz yaparsınız. Daire, denkliği ve Federal İş "
                "Ajansı'nın onayını koordine eder; yurt dışı temsilciliği de kısa sürede randevu verir. Bu zaman "
                "kazandırır, ancak hiçbir koşulun yerini tutmaz ve vize garantisi vermez.",
            ),
            faq_item(
                "Bölgemdeki irtibat noktasını nasıl bulurum?",
                "Bu sayfanın üst kısmına işletmenizin posta kodunu girin. IQ Lotse size işverenler için en yakın "
                "irtibat noktasını gösterir.",
            ),
            faq_item(
                "Aile de gelebilir mi?",
                "Evet. Eş ve reşit olmayan çocuklar belirli koşullar altında aile birleşimi yoluyla gelebilir. "
                "Hızlandırılmış prosedürde baştan dahil edilebilirler.",
            ),
        ),
        partner_links(
            "Daha fazla bilgi ve ortaklar",
            "Bu hizmetler IQ danışmanlığını tamamlar. Bağlantılar başka web sitelerine yönlendirir.",
            partner_link(
                "Anerkennung in Deutschland (Almanya'da Tanınma)",
                ANERKENNUNG_URL,
                "Federal Hükümetin yabancı mesleki yeterliliklerin tanınmasına ilişkin çok dilli portalı; yetkili "
                "kurumu bulmak için “Anerkennungs-Finder” aracını içerir.",
            ),
            partner_link(
                "Make it in Germany",
                MAKE_IT_IN_GERMANY_URL,
                "Federal Hükümetin yurt dışındaki nitelikli çalışanlara yönelik portalı; işverenler için adım adım "
                "rehber ve vize seçenekleri için hızlı kontrol sunar.",
            ),
            partner_link(
                "Zentrale Servicestelle Berufsanerkennung (ZSBA)",
                ZSBA_URL,
                "Yurt dışındaki nitelikli çalışanlara denklik konusunda ücretsiz danışmanlık verir ve süreç boyunca "
                "onlara eşlik eder.",
            ),
            partner_link(
                "Faire Integration (Adil Entegrasyon)",
                FAIRE_INTEGRATION_URL,
                "Mültecilere ve AB dışındaki ülkelerden gelen kişilere iş hukuku ve sosyal hukuk konularında "
                "danışmanlık.",
            ),
            partner_link(
                "Initiative Neue Qualität der Arbeit (INQA)",
                INQA_URL,
                "İşletmelere iyi çalışma koşulları, liderlik ve çeşitlilik konularında hizmetler.",
            ),
            partner_link(
                "Charta der Vielfalt (Çeşitlilik Şartı)",
                CHARTA_URL,
                "Çalışma hayatında çeşitlilik ve takdir için bir işveren girişimi.",
            ),
        ),
        menu_title="İşverenler",
        meta_description="Yurt dışından nitelikli çalışan istihdamı: aramadan ilk iş gününe kadar adımlar, sık sorulan "
        "sorular ve bölgenizde işverenler için irtibat noktası.",
    ),
}

